package server_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/server"
)

func ExampleNew() {
	live, err := classify.NewLive()
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(server.New(live, server.WithMaxBatch(100)))
	defer srv.Close()

	resp, err := http.Post(srv.URL+"/v1/classify", "application/json",
		strings.NewReader(`{"id":1,"text":"Selamat pagi, semoga harimu menyenangkan"}`))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Status)
	fmt.Print(string(body))
	// Output:
	// 200 OK
	// {"id":1,"flagged":[],"labels":[]}
}

// A Perspective API client needs only the base URL changed. Span offsets
// are UTF-16 code units, as in Perspective: the emoji counts 2.
func ExampleNew_perspective() {
	live, err := classify.NewLive()
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(server.New(live))
	defer srv.Close()

	resp, err := http.Post(srv.URL+"/v1alpha1/comments:analyze", "application/json", strings.NewReader(
		`{"comment":{"text":"🙄 bangsat lu"},"languages":["id"],"requestedAttributes":{"PROFANITY":{}},"spanAnnotations":true}`))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(body))
	// Output:
	// {"attributeScores":{"PROFANITY":{"spanScores":[{"begin":3,"end":10,"score":{"value":0.95,"type":"PROBABILITY"}}],"summaryScore":{"value":0.95,"type":"PROBABILITY"}}},"languages":["id"]}
}
