package server

import (
	_ "embed"
	"net/http"
	"strconv"
)

// openAPIJSON describes every route in OpenAPI 3.1; TestOpenAPI keeps it
// true to the handlers.
//
//go:embed static/openapi.json
var openAPIJSON []byte

func openAPI(w http.ResponseWriter, _ *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(openAPIJSON)))
	hd.Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openAPIJSON)
}
