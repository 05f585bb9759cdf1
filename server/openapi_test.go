package server

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
)

// spec is the part of an OpenAPI document the test reads.
type spec struct {
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas   map[string]any      `json:"schemas"`
		Responses map[string]response `json:"responses"`
	} `json:"components"`
}

type operation struct {
	RequestBody *struct {
		Content map[string]struct {
			Schema any `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]response `json:"responses"`
}

type response struct {
	Ref     string `json:"$ref"`
	Content map[string]struct {
		Schema any `json:"schema"`
	} `json:"content"`
}

func loadSpec(t *testing.T) *spec {
	t.Helper()
	var s spec
	require.NoError(t, json.Unmarshal(openAPIJSON, &s))
	return &s
}

// validate checks v against a JSON schema of the subset the description
// uses: $ref, oneOf, type, enum, required, properties, additionalProperties
// and items.
func (s *spec) validate(schema any, v any, at string) error {
	sch, ok := schema.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: schema is not an object", at)
	}
	if ref, ok := sch["$ref"].(string); ok {
		return s.validate(s.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")], v, at)
	}
	if alts, ok := sch["oneOf"].([]any); ok {
		var errs []string
		for _, alt := range alts {
			err := s.validate(alt, v, at)
			if err == nil {
				return nil
			}
			errs = append(errs, err.Error())
		}
		return fmt.Errorf("%s: matches no oneOf: %s", at, strings.Join(errs, "; "))
	}
	if enum, ok := sch["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Errorf("%s: %v not in %v", at, v, enum)
	}
	typ, _ := sch["type"].(string)
	switch typ {
	case "":
		return nil
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %T", at, v)
		}
		for _, r := range asSlice(sch["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s: missing required %q", at, r)
			}
		}
		props, _ := sch["properties"].(map[string]any)
		for k, x := range obj {
			if p, ok := props[k]; ok {
				if err := s.validate(p, x, at+"."+k); err != nil {
					return err
				}
				continue
			}
			switch extra := sch["additionalProperties"].(type) {
			case bool:
				if !extra {
					return fmt.Errorf("%s: property %q is not described", at, k)
				}
			case map[string]any:
				if err := s.validate(extra, x, at+"."+k); err != nil {
					return err
				}
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array, got %T", at, v)
		}
		for i, x := range arr {
			if err := s.validate(sch["items"], x, at+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want a string, got %T", at, v)
		}
	case "integer", "number":
		f, ok := v.(float64)
		if !ok || (typ == "integer" && f != float64(int64(f))) {
			return fmt.Errorf("%s: want an %s, got %v", at, typ, v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want a boolean, got %T", at, v)
		}
	default:
		return fmt.Errorf("%s: schema type %q not understood by the test", at, typ)
	}
	return nil
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

// TestOpenAPIRoutes checks that the description lists exactly the routes
// the handler serves.
func TestOpenAPIRoutes(t *testing.T) {
	s := loadSpec(t)
	live := newLive(t)
	h := New(live, WithReload())
	var served, described []string
	for _, rt := range h.routes {
		served = append(served, rt.method+" "+rt.path)
	}
	for path, ops := range s.Paths {
		for method := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(served)
	sort.Strings(described)
	assert.Equal(t, served, described)
}

// TestOpenAPIExchanges sends requests of every route, checks each request
// body against the described request schema, and each answer's status and
// body against the described responses.
func TestOpenAPIExchanges(t *testing.T) {
	s := loadSpec(t)
	live, err := classify.NewLive()
	require.NoError(t, err)
	h := New(live, WithReload(), WithMaxTextBytes(2000))
	exchanges := []struct {
		method, path, body string
		code               int
	}{
		{"POST", "/v1/classify", `{"id":1,"text":"🔥 dasar k4f1r lo, bangsat!"}`, 200},
		{"POST", "/v1/classify", `{"texts":["Selamat pagi","SEBARKAN sebelum dihapus!!"],"options":{"mask":true}}`, 200},
		{"POST", "/v1/classify", `{"items":[{"id":"a","text":"anjing lu"}],"options":{"labels":["abusive"],"thresholds":{"abusive":0.2},"evidence":false}}`, 200},
		{"POST", "/v1/classify", `{"text":5}`, 400},
		{"POST", "/v1/classify", `{"text":"` + strings.Repeat("a", 2001) + `"}`, 413},
		{"POST", "/v1/classify", `{"text":"` + strings.Repeat("kampret ", 200) + `"}`, 200}, // evidence_omitted
		{"POST", "/v1alpha1/comments:analyze", `{"comment":{"text":"Dasar anjing kau"},"requestedAttributes":{"TOXICITY":{},"THREAT":{"scoreThreshold":0.5}},"spanAnnotations":true,"clientToken":"x"}`, 200},
		{"POST", "/v1alpha1/comments:analyze", `{"comment":{"text":"hi"},"languages":["en"],"requestedAttributes":{"TOXICITY":{}}}`, 400},
		{"GET", "/healthz", "", 200},
		{"GET", "/metrics", "", 200},
		{"GET", "/openapi.json", "", 200},
		{"GET", "/", "", 200},
		{"POST", "/admin/reload", "", 200},
	}
	seen := map[string]bool{}
	for _, ex := range exchanges {
		t.Run(ex.method+" "+ex.path+" "+strconv.Itoa(ex.code), func(t *testing.T) {
			op, ok := s.Paths[ex.path][strings.ToLower(ex.method)]
			require.True(t, ok, "described")
			seen[ex.method+" "+ex.path] = true
			if op.RequestBody != nil && ex.code == 200 {
				var body any
				require.NoError(t, json.Unmarshal([]byte(ex.body), &body))
				assert.NoError(t, s.validate(op.RequestBody.Content["application/json"].Schema, body, "request"))
			}
			req := httptest.NewRequest(ex.method, ex.path, strings.NewReader(ex.body))
			req.RemoteAddr = "127.0.0.1:4000"
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, ex.code, rec.Code, "%s", rec.Body)
			resp, ok := op.Responses[strconv.Itoa(rec.Code)]
			require.True(t, ok, "status %d is described", rec.Code)
			if resp.Ref != "" {
				resp = s.Components.Responses[strings.TrimPrefix(resp.Ref, "#/components/responses/")]
			}
			ct, _, _ := strings.Cut(rec.Header().Get("Content-Type"), ";")
			media, ok := resp.Content[ct]
			require.True(t, ok, "content type %q is described", ct)
			if ct == "application/json" {
				var body any
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
				assert.NoError(t, s.validate(media.Schema, body, "response"))
			}
		})
	}
	for path, ops := range s.Paths {
		for method := range ops {
			assert.True(t, seen[strings.ToUpper(method)+" "+path], "%s %s is exercised", method, path)
		}
	}
}
