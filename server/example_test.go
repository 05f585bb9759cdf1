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
