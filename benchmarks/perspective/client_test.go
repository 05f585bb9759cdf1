package perspective_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	commentanalyzer "google.golang.org/api/commentanalyzer/v1alpha1"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/server"
)

// newService starts saring on loopback and returns Google's client of the
// Perspective API pointed at it: the one change a Perspective user makes.
func newService(t *testing.T) *commentanalyzer.Service {
	t.Helper()
	live, err := classify.NewLive()
	require.NoError(t, err)
	srv := httptest.NewServer(server.New(live))
	t.Cleanup(srv.Close)
	svc, err := commentanalyzer.NewService(context.Background(),
		option.WithEndpoint(srv.URL+"/"), option.WithoutAuthentication(), option.WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	return svc
}

func TestGoogleClientAnalyze(t *testing.T) {
	svc := newService(t)
	text := "🔥 Dasar anjing kau, bangsat!"
	resp, err := svc.Comments.Analyze(&commentanalyzer.AnalyzeCommentRequest{
		Comment:   &commentanalyzer.TextEntry{Text: text},
		Languages: []string{"id"},
		RequestedAttributes: map[string]commentanalyzer.AttributeParameters{
			"TOXICITY":  {},
			"PROFANITY": {ScoreType: "PROBABILITY"},
			"HOAX":      {},
		},
		SpanAnnotations: true,
		DoNotStore:      true,
		ClientToken:     "abc",
	}).Do()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.HTTPStatusCode)
	assert.Equal(t, "abc", resp.ClientToken)
	assert.Equal(t, []string{"id"}, resp.Languages)
	require.Len(t, resp.AttributeScores, 3)
	prof := resp.AttributeScores["PROFANITY"]
	require.NotNil(t, prof.SummaryScore)
	assert.Greater(t, prof.SummaryScore.Value, 0.5)
	assert.Equal(t, "PROBABILITY", prof.SummaryScore.Type)
	assert.Zero(t, resp.AttributeScores["HOAX"].SummaryScore.Value)

	units := utf16.Encode([]rune(text))
	var spans []string
	for _, s := range prof.SpanScores {
		spans = append(spans, string(utf16.Decode(units[s.Begin:s.End])))
	}
	assert.Contains(t, spans, "anjing")
	assert.Contains(t, spans, "bangsat")
}

func TestGoogleClientErrors(t *testing.T) {
	svc := newService(t)
	_, err := svc.Comments.Analyze(&commentanalyzer.AnalyzeCommentRequest{
		Comment:             &commentanalyzer.TextEntry{Text: "halo"},
		Languages:           []string{"en"},
		RequestedAttributes: map[string]commentanalyzer.AttributeParameters{"TOXICITY": {}},
	}).Do()
	var gerr *googleapi.Error
	require.True(t, errors.As(err, &gerr), "%v", err)
	assert.Equal(t, http.StatusBadRequest, gerr.Code)
	assert.Equal(t, "Attribute TOXICITY does not support request languages: en", gerr.Message)
}
