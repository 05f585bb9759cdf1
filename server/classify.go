package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/saring-id/saring/classify"
)

// request is the body of POST /v1/classify: exactly one of Text, Texts and
// Items is set.
type request struct {
	ID    json.RawMessage `json:"id"`
	Text  *string         `json:"text"`
	Texts *[]string       `json:"texts"`
	Items *[]item         `json:"items"`
}

// item is one element of a request's "items".
type item struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

// Output is the answer for one text: the classifier's Result with the
// caller's id echoed back. It is the shape of a `saring classify` line and
// of a POST /v1/classify answer.
type Output struct {
	// ID is the caller's id, any JSON value, omitted when none was given.
	ID json.RawMessage `json:"id,omitempty"`
	classify.Result
}

// batchOutput is the answer for a batch.
type batchOutput struct {
	Results []Output `json:"results"`
}

// httpError is an error with the status code it is answered with.
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

func errorf(code int, format string, args ...any) *httpError {
	return &httpError{code: code, msg: fmt.Sprintf(format, args...)}
}

// classify serves POST /v1/classify.
func (h *handler) classify(w http.ResponseWriter, r *http.Request) {
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		writeError(w, err.code, err.msg)
		return
	}
	req, herr := h.decode(w, r)
	if herr != nil {
		writeError(w, herr.code, herr.msg)
		return
	}
	if h.c == nil {
		writeError(w, http.StatusInternalServerError, "server has no classifier")
		return
	}
	if req.Text != nil {
		if len(*req.Text) > h.maxText {
			writeError(w, http.StatusRequestEntityTooLarge,
				fmt.Sprintf("text is %d bytes, over the limit of %d", len(*req.Text), h.maxText))
			return
		}
		writeJSON(w, http.StatusOK, Output{ID: req.ID, Result: h.c.Classify(*req.Text)})
		return
	}

	var texts []string
	var ids []json.RawMessage
	if req.Texts != nil {
		texts = *req.Texts
	} else {
		items := *req.Items
		texts = make([]string, len(items))
		ids = make([]json.RawMessage, len(items))
		for i, it := range items {
			if it.Text == nil {
				writeError(w, http.StatusBadRequest, fmt.Sprintf(`items[%d]: no "text" field`, i))
				return
			}
			texts[i], ids[i] = *it.Text, it.ID
		}
	}
	if len(texts) > h.maxBatch {
		writeError(w, http.StatusRequestEntityTooLarge,
			fmt.Sprintf("batch of %d texts is over the limit of %d", len(texts), h.maxBatch))
		return
	}
	for i, t := range texts {
		if len(t) > h.maxText {
			writeError(w, http.StatusRequestEntityTooLarge,
				fmt.Sprintf("text %d is %d bytes, over the limit of %d", i, len(t), h.maxText))
			return
		}
	}
	results, err := h.c.ClassifyBatch(r.Context(), texts)
	if err != nil {
		// The client went away or the server is shutting down.
		writeError(w, http.StatusServiceUnavailable, "request cancelled: "+err.Error())
		return
	}
	out := batchOutput{Results: make([]Output, len(results))}
	for i, res := range results {
		out.Results[i].Result = res
		if ids != nil {
			out.Results[i].ID = ids[i]
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// checkContentType accepts no Content-Type, application/json and the
// +json types, in UTF-8.
func checkContentType(ct string) *httpError {
	if ct == "" {
		return nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return errorf(http.StatusUnsupportedMediaType, "bad Content-Type %q: %v", ct, err)
	}
	if mt != "application/json" && !strings.HasSuffix(mt, "+json") {
		return errorf(http.StatusUnsupportedMediaType, "Content-Type must be application/json (or absent), not %q", mt)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return errorf(http.StatusUnsupportedMediaType, "charset must be utf-8, not %q", cs)
	}
	return nil
}

// decode reads exactly one request object from the body, within the body
// limit.
func (h *handler) decode(w http.ResponseWriter, r *http.Request) (*request, *httpError) {
	body := http.MaxBytesReader(w, r.Body, h.maxBody)
	dec := json.NewDecoder(body)
	var req request
	if err := dec.Decode(&req); err != nil {
		return nil, decodeError(err, h.maxBody)
	}
	// Exactly one JSON value: anything after it but white space is an error.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			return nil, errorf(http.StatusBadRequest, "invalid JSON: data after the request object")
		}
		return nil, decodeError(err, h.maxBody)
	}
	n := 0
	for _, set := range []bool{req.Text != nil, req.Texts != nil, req.Items != nil} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		return nil, errorf(http.StatusBadRequest, `request needs a "text", "texts" or "items" field`)
	case n > 1:
		return nil, errorf(http.StatusBadRequest, `give only one of "text", "texts" and "items"`)
	}
	return &req, nil
}

// decodeError maps a body decoding error to its answer.
func decodeError(err error, limit int64) *httpError {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return errorf(http.StatusRequestEntityTooLarge, "request body is over the limit of %d bytes", limit)
	case errors.Is(err, io.EOF):
		return errorf(http.StatusBadRequest, "empty request body; want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(http.StatusBadRequest, "invalid JSON: unexpected end of the body")
	case errors.As(err, &syntax):
		return errorf(http.StatusBadRequest, "invalid JSON at byte %d: %v", syntax.Offset, err)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return errorf(http.StatusBadRequest, "invalid request: want a JSON object, got %s", typ.Value)
		}
		return errorf(http.StatusBadRequest, "invalid request: %q must not be %s", field, typ.Value)
	}
	return errorf(http.StatusBadRequest, "invalid request body: %v", err)
}
