package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/internal/record"
	"github.com/saring-id/saring/lexicon"
)

// request is the body of POST /v1/classify: exactly one of Text, Texts and
// Items is set.
type request struct {
	ID      json.RawMessage `json:"id"`
	Text    *string         `json:"text"`
	Texts   *[]*string      `json:"texts"`
	Items   *[]item         `json:"items"`
	Options *options        `json:"options"`
}

// item is one element of a request's "items".
type item struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

// options are a request's "options": what to answer with.
type options struct {
	// Labels keeps only these labels in the answer; all when empty.
	Labels []lexicon.Label `json:"labels"`
	// Thresholds flag a label at this score instead of the server's.
	Thresholds map[lexicon.Label]float64 `json:"thresholds"`
	// Evidence false leaves the evidence lists empty.
	Evidence *bool `json:"evidence"`
	// Mask adds the text with the evidence masked (classify.Result.Mask).
	Mask bool `json:"mask"`
}

// check validates the options' labels and thresholds.
func (o *options) check() *httpError {
	for i, l := range o.Labels {
		if !l.Valid() {
			return errorf(http.StatusBadRequest, "options.labels[%d]: unknown label %q (want one of %s)", i, l, labelList())
		}
	}
	for l, t := range o.Thresholds {
		if !l.Valid() {
			return errorf(http.StatusBadRequest, "options.thresholds: unknown label %q (want one of %s)", l, labelList())
		}
		if !(t > 0 && t <= 1) {
			return errorf(http.StatusBadRequest, "options.thresholds.%s: %v is outside (0,1]", l, t)
		}
	}
	return nil
}

func labelList() string {
	var names []string
	for _, l := range lexicon.Labels() {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
}

// apply shapes the result for text by the options.
func (o *options) apply(id json.RawMessage, text string, r classify.Result) Output {
	out := Output{ID: id}
	if o == nil {
		out.Result = r
		return out
	}
	if len(o.Thresholds) > 0 {
		r = r.WithThresholds(o.Thresholds)
	}
	if len(o.Labels) > 0 {
		kept := classify.Result{Flagged: []lexicon.Label{}, Labels: []classify.LabelResult{}}
		for _, lr := range r.Labels {
			if slices.Contains(o.Labels, lr.Label) {
				kept.Labels = append(kept.Labels, lr)
			}
		}
		for _, l := range r.Flagged {
			if slices.Contains(o.Labels, l) {
				kept.Flagged = append(kept.Flagged, l)
			}
		}
		r = kept
	}
	if o.Mask {
		m := r.Mask(text)
		out.Masked = &m
	}
	if o.Evidence != nil && !*o.Evidence {
		labels := slices.Clone(r.Labels)
		for i := range labels {
			labels[i].Evidence, labels[i].EvidenceOmitted = []classify.Evidence{}, 0
		}
		r.Labels = labels
	}
	out.Result = r
	return out
}

// Output is the answer for one text: the classifier's Result with the
// caller's id echoed back. It is the shape of a `saring classify` line and
// of a POST /v1/classify answer.
type Output struct {
	// ID is the caller's id, any JSON value, omitted when none was given.
	ID json.RawMessage `json:"id,omitempty"`
	classify.Result
	// Masked is the text with its evidence masked, when asked for.
	Masked *string `json:"masked,omitempty"`
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

// streamChunk is how many texts of a batch are classified before their
// results are written: the results held in memory at once.
const streamChunk = 32

// classify serves POST /v1/classify.
func (h *Handler) classify(w http.ResponseWriter, r *http.Request) {
	var req request
	if herr := h.decode(w, r, &req); herr != nil {
		writeError(w, herr.code, herr.msg)
		return
	}
	texts, ids, herr := h.texts(&req)
	if herr != nil {
		writeError(w, herr.code, herr.msg)
		return
	}
	noteTexts(r, texts)
	c := h.classifier()
	if c == nil {
		writeError(w, http.StatusInternalServerError, "server has no classifier")
		return
	}
	if req.Text != nil {
		res := c.Classify(*req.Text)
		h.countResult(res)
		writeJSON(w, http.StatusOK, req.Options.apply(req.ID, *req.Text, res))
		return
	}
	h.stream(w, r, c, texts, ids, req.Options)
}

// texts checks the request's texts against the limits and returns them with
// their ids (nil without items).
func (h *Handler) texts(req *request) ([]string, []json.RawMessage, *httpError) {
	n := 0
	for _, set := range []bool{req.Text != nil, req.Texts != nil, req.Items != nil} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		return nil, nil, errorf(http.StatusBadRequest, `request needs a "text", "texts" or "items" field (null counts as missing)`)
	case n > 1:
		return nil, nil, errorf(http.StatusBadRequest, `give only one of "text", "texts" and "items"`)
	}
	if req.Options != nil {
		if err := req.Options.check(); err != nil {
			return nil, nil, err
		}
	}
	var texts []string
	var ids []json.RawMessage
	switch {
	case req.Text != nil:
		texts = []string{*req.Text}
	case req.Texts != nil:
		texts = make([]string, len(*req.Texts))
		for i, t := range *req.Texts {
			if t == nil {
				return nil, nil, errorf(http.StatusBadRequest, "texts[%d] is null; want a string", i)
			}
			texts[i] = *t
		}
	default:
		items := *req.Items
		texts = make([]string, len(items))
		ids = make([]json.RawMessage, len(items))
		for i, it := range items {
			if it.Text == nil {
				return nil, nil, errorf(http.StatusBadRequest, `items[%d]: "text" is missing or null; want a string`, i)
			}
			texts[i], ids[i] = *it.Text, it.ID
		}
	}
	if len(texts) > h.maxBatch {
		return nil, nil, errorf(http.StatusRequestEntityTooLarge, "batch of %d texts is over the limit of %d", len(texts), h.maxBatch)
	}
	for i, t := range texts {
		if len(t) > h.maxText {
			if req.Text != nil {
				return nil, nil, errorf(http.StatusRequestEntityTooLarge, "text is %d bytes, over the limit of %d", len(t), h.maxText)
			}
			return nil, nil, errorf(http.StatusRequestEntityTooLarge, "text %d is %d bytes, over the limit of %d", i, len(t), h.maxText)
		}
	}
	return texts, ids, nil
}

// stream classifies a batch a chunk at a time and writes each chunk's
// results as they are done, so the answer is never held whole in memory.
// A batch cancelled before its first result is answered with 503; after
// that, the connection is cut so the client sees a truncated answer.
func (h *Handler) stream(w http.ResponseWriter, r *http.Request, c *classify.Classifier, texts []string, ids []json.RawMessage, o *options) {
	var bw *bufio.Writer
	var buf bytes.Buffer // one result's JSON
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for from := 0; from < len(texts) || bw == nil; from += streamChunk {
		to := min(from+streamChunk, len(texts))
		results, err := c.ClassifyBatch(r.Context(), texts[from:to])
		if err != nil {
			if bw == nil {
				// The client went away or the server is shutting down.
				writeError(w, http.StatusServiceUnavailable, "request cancelled: "+err.Error())
				return
			}
			panic(http.ErrAbortHandler)
		}
		if bw == nil {
			hd := w.Header()
			hd.Set("Content-Type", "application/json; charset=utf-8")
			hd.Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusOK)
			bw = bufio.NewWriterSize(w, 32<<10)
			_, _ = bw.WriteString(`{"results":[`)
		}
		for i, res := range results {
			if from+i > 0 {
				_ = bw.WriteByte(',')
			}
			h.countResult(res)
			var id json.RawMessage
			if ids != nil {
				id = ids[from+i]
			}
			buf.Reset()
			if err := enc.Encode(o.apply(id, texts[from+i], res)); err != nil {
				panic(fmt.Sprintf("server: encoding a result: %v", err)) // logged; the connection is cut
			}
			if _, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); err != nil {
				panic(http.ErrAbortHandler) // the client is gone
			}
		}
	}
	_, _ = bw.WriteString("]}\n")
	if err := bw.Flush(); err != nil {
		panic(http.ErrAbortHandler)
	}
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

// decode checks the Content-Type and reads exactly one JSON object from the
// body into v, within the body limit. Unknown fields are errors, and so are
// a key written in another case than its field's ({"Text":…}) and a key
// twice in one object, which encoding/json would accept (keeping the last):
// keys match exactly and once, as `saring classify --jsonl` reads them
// (record.DuplicateKey).
func (h *Handler) decode(w http.ResponseWriter, r *http.Request, v any) *httpError {
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		return err
	}
	body := http.MaxBytesReader(w, r.Body, h.maxBody)
	dec := json.NewDecoder(body)
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return decodeError(err, h.maxBody)
	}
	if err := record.DuplicateKey(raw); err != nil {
		return errorf(http.StatusBadRequest, "invalid request: %v", err)
	}
	strict := json.NewDecoder(bytes.NewReader(raw))
	strict.DisallowUnknownFields()
	if err := strict.Decode(v); err != nil {
		return decodeError(err, h.maxBody)
	}
	var tree any
	json.Unmarshal(raw, &tree) // raw was just decoded: cannot fail
	if key := inexactKey(tree, reflect.TypeOf(v)); key != "" {
		return errorf(http.StatusBadRequest, "invalid request: unknown field %q (keys are case-sensitive)", key)
	}
	// Exactly one JSON value: anything after it but white space is an error.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			return errorf(http.StatusBadRequest, "invalid JSON: data after the request object")
		}
		return decodeError(err, h.maxBody)
	}
	return nil
}

// inexactKey returns the first key, in sorted order at each level, of the
// JSON value v (decoded into any) that is read into a struct of type t but
// is not exactly the name of one of its fields; "" when there is none. Maps
// and slices are walked into; any other type (a json.RawMessage id) is not.
func inexactKey(v any, t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch v := v.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct && t.Kind() != reflect.Map {
			return ""
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			var et reflect.Type
			if t.Kind() == reflect.Map {
				et = t.Elem()
			} else {
				f, ok := fieldNamed(t, k)
				if !ok {
					return k
				}
				et = f.Type
			}
			if key := inexactKey(v[k], et); key != "" {
				return key
			}
		}
	case []any:
		if t.Kind() != reflect.Slice {
			return ""
		}
		for _, e := range v {
			if key := inexactKey(e, t.Elem()); key != "" {
				return key
			}
		}
	}
	return ""
}

// fieldNamed returns the field of struct type t whose JSON name is exactly
// name.
func fieldNamed(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == name || tag == "" && f.Name == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// decodeError maps a body decoding error to its answer. Errors of the
// connection are not quoted: they name socket addresses.
func decodeError(err error, limit int64) *httpError {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var netErr net.Error
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
		if typ.Field == "" {
			return errorf(http.StatusBadRequest, "invalid request: want a JSON object, got %s", typ.Value)
		}
		return errorf(http.StatusBadRequest, "invalid request: %q must not be %s", typ.Field, typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json has no error type for it.
		return errorf(http.StatusBadRequest, "invalid request: unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	case errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return errorf(http.StatusRequestTimeout, "the request body did not arrive within the server's read timeout")
	}
	return errorf(http.StatusBadRequest, "reading the request body failed")
}
