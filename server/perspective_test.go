package server

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

const analyzePath = "/v1alpha1/comments:analyze"

// The requests below follow the AnalyzeComment request of Perspective's API
// reference (comment.text, requestedAttributes of {} or with scoreType and
// scoreThreshold, languages, spanAnnotations, doNotStore, clientToken,
// sessionId, context.entries); the answers are checked against its
// response shape (attributeScores.NAME.summaryScore {value, type},
// spanScores [{begin, end, score}], languages, clientToken) and its error
// shape ({"error":{"code","message","status"}}).

type analyzeAnswer struct {
	AttributeScores map[string]struct {
		SummaryScore *struct {
			Value float64 `json:"value"`
			Type  string  `json:"type"`
		} `json:"summaryScore"`
		SpanScores []struct {
			Begin int `json:"begin"`
			End   int `json:"end"`
			Score struct {
				Value float64 `json:"value"`
				Type  string  `json:"type"`
			} `json:"score"`
		} `json:"spanScores"`
	} `json:"attributeScores"`
	Languages   []string `json:"languages"`
	ClientToken string   `json:"clientToken"`
}

func analyze(t *testing.T, h http.Handler, body string) analyzeAnswer {
	t.Helper()
	code, hdr, out := do(t, h, http.MethodPost, analyzePath, "application/json", body)
	require.Equal(t, http.StatusOK, code, "%s", out)
	assert.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
	var a analyzeAnswer
	require.NoError(t, json.Unmarshal(out, &a))
	return a
}

func TestAnalyzeScores(t *testing.T) {
	h := New(newLive(t))
	c := newClassifier(t)
	text := "dasar kafir lo, babi"
	res := c.Classify(text)
	score := func(l lexicon.Label) float64 {
		lr, _ := res.Label(l)
		return lr.Score
	}
	a := analyze(t, h, `{"comment":{"text":"`+text+`"},"languages":["id"],
		"requestedAttributes":{"TOXICITY":{},"PROFANITY":{},"IDENTITY_ATTACK":{},"INSULT":{},"THREAT":{},"SARA":{},"HOAX":{}}}`)
	assert.Equal(t, []string{"id"}, a.Languages)
	assert.Empty(t, a.ClientToken)
	require.Len(t, a.AttributeScores, 7, "one entry per requested attribute")
	want := map[string]float64{
		"TOXICITY":        max(score(lexicon.HateSpeech), score(lexicon.Abusive)),
		"INSULT":          max(score(lexicon.HateSpeech), score(lexicon.Abusive)),
		"PROFANITY":       score(lexicon.Abusive),
		"IDENTITY_ATTACK": score(lexicon.SARA),
		"THREAT":          0,
		"SARA":            score(lexicon.SARA),
		"HOAX":            0,
	}
	for name, v := range want {
		got := a.AttributeScores[name]
		require.NotNil(t, got.SummaryScore, name)
		assert.Equal(t, v, got.SummaryScore.Value, name)
		assert.Equal(t, "PROBABILITY", got.SummaryScore.Type, name)
		assert.Nil(t, got.SpanScores, "%s: no spans unless asked", name)
	}
	assert.Greater(t, want["PROFANITY"], 0.5, "precondition: the text is abusive")
}

// TestAnalyzeSpans checks that span offsets are UTF-16 code units, end
// exclusive, as Perspective's API description defines them.
func TestAnalyzeSpans(t *testing.T) {
	h := New(newLive(t))
	text := "🔥🔥 dasar 𝐛𝐚𝐛𝐢, babi!"
	body, err := json.Marshal(map[string]any{
		"comment":             map[string]string{"text": text},
		"requestedAttributes": map[string]any{"PROFANITY": map[string]any{"scoreType": "PROBABILITY"}},
		"spanAnnotations":     true,
		"clientToken":         "tok-1",
		"doNotStore":          true,
		"sessionId":           "s",
		"communityId":         "c",
		"context":             map[string]any{"entries": []map[string]string{{"text": "konteks", "type": "PLAIN_TEXT"}}},
	})
	require.NoError(t, err)
	a := analyze(t, h, string(body))
	assert.Equal(t, "tok-1", a.ClientToken)
	assert.Equal(t, []string{"id"}, a.Languages, "without languages saring answers for Indonesian")
	spans := a.AttributeScores["PROFANITY"].SpanScores
	require.NotEmpty(t, spans)
	units := utf16.Encode([]rune(text))
	var got []string
	for _, s := range spans {
		require.True(t, 0 <= s.Begin && s.Begin < s.End && s.End <= len(units))
		got = append(got, string(utf16.Decode(units[s.Begin:s.End])))
		assert.Equal(t, "PROBABILITY", s.Score.Type)
		assert.Greater(t, s.Score.Value, 0.0)
	}
	assert.Equal(t, []string{"𝐛𝐚𝐛𝐢", "babi"}, got, "one span a place, in order")
}

func TestAnalyzeThreshold(t *testing.T) {
	h := New(newLive(t))
	a := analyze(t, h, `{"comment":{"text":"babi"},"requestedAttributes":{"PROFANITY":{"scoreThreshold":0.99},"ABUSIVE":{"scoreThreshold":0.1}}}`)
	assert.NotContains(t, a.AttributeScores, "PROFANITY", "a score under scoreThreshold is not returned")
	assert.Contains(t, a.AttributeScores, "ABUSIVE")
}

func TestAnalyzeLanguages(t *testing.T) {
	h := New(newLive(t))
	for _, langs := range []string{`["id"]`, `["id-ID"]`, `["jv"]`, `["su","en"]`, `["IN"]`} {
		a := analyze(t, h, `{"comment":{"text":"babi"},"languages":`+langs+`,"requestedAttributes":{"TOXICITY":{}}}`)
		var want []string
		require.NoError(t, json.Unmarshal([]byte(langs), &want))
		assert.Equal(t, want, a.Languages, "languages are echoed")
	}
}

func TestAnalyzeErrors(t *testing.T) {
	h := New(newLive(t), WithMaxTextBytes(100))
	tests := []struct {
		name, body string
		code       int
		status     string
		msg        string
	}{
		// Perspective's answer to an attribute it does not offer in a language.
		{"attribute saring cannot score", `{"comment":{"text":"a"},"requestedAttributes":{"SEXUALLY_EXPLICIT":{}}}`,
			400, "INVALID_ARGUMENT", "Attribute SEXUALLY_EXPLICIT does not support request languages: id"},
		{"unsupported language", `{"comment":{"text":"a"},"languages":["en"],"requestedAttributes":{"TOXICITY":{}}}`,
			400, "INVALID_ARGUMENT", "Attribute TOXICITY does not support request languages: en"},
		{"no attributes", `{"comment":{"text":"a"},"requestedAttributes":{}}`, 400, "INVALID_ARGUMENT", "requestedAttributes"},
		{"no comment", `{"requestedAttributes":{"TOXICITY":{}}}`, 400, "INVALID_ARGUMENT", "comment.text is required"},
		{"empty comment", `{"comment":{"text":""},"requestedAttributes":{"TOXICITY":{}}}`, 400, "INVALID_ARGUMENT", "Comment must be non-empty."},
		{"HTML", `{"comment":{"text":"a","type":"HTML"},"requestedAttributes":{"TOXICITY":{}}}`, 400, "INVALID_ARGUMENT", "PLAIN_TEXT"},
		{"score type", `{"comment":{"text":"a"},"requestedAttributes":{"TOXICITY":{"scoreType":"RAW"}}}`, 400, "INVALID_ARGUMENT", "PROBABILITY"},
		{"threshold over 1", `{"comment":{"text":"a"},"requestedAttributes":{"TOXICITY":{"scoreThreshold":2}}}`, 400, "INVALID_ARGUMENT", "scoreThreshold 2 is outside [0,1]"},
		{"threshold under 0", `{"comment":{"text":"a"},"requestedAttributes":{"TOXICITY":{"scoreThreshold":-1}}}`, 400, "INVALID_ARGUMENT", "scoreThreshold -1 is outside [0,1]"},
		{"unknown field", `{"comment":{"text":"a"},"requestedAttributes":{"TOXICITY":{}},"lang":"id"}`, 400, "INVALID_ARGUMENT", `unknown field "lang"`},
		{"key in another case", `{"comment":{"Text":"a"},"requestedAttributes":{"TOXICITY":{"scoretype":"PROBABILITY"}}}`, 400, "INVALID_ARGUMENT", `unknown field "Text"`},
		{"comment text twice", `{"comment":{"text":"bangsat","text":"halo"},"requestedAttributes":{"PROFANITY":{}}}`,
			400, "INVALID_ARGUMENT", `"text" appears twice in comment`},
		{"attribute twice", `{"comment":{"text":"a"},"requestedAttributes":{"TOXICITY":{},"TOXICITY":{"scoreThreshold":0.5}}}`,
			400, "INVALID_ARGUMENT", `"TOXICITY" appears twice in requestedAttributes`},
		{"wrong type", `{"comment":{"text":"a"},"requestedAttributes":{"TOXICITY":{}},"spanAnnotations":"yes"}`, 400, "INVALID_ARGUMENT", `"spanAnnotations"`},
		{"text too long", `{"comment":{"text":"` + strings.Repeat("a", 101) + `"},"requestedAttributes":{"TOXICITY":{}}}`,
			400, "INVALID_ARGUMENT", "over the limit of 100"},
		{"not JSON", `{"comment":`, 400, "INVALID_ARGUMENT", "invalid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, hdr, out := do(t, h, http.MethodPost, analyzePath, "application/json", tt.body)
			require.Equal(t, tt.code, code, "%s", out)
			assert.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
			var e struct {
				Error struct {
					Code    int    `json:"code"`
					Message string `json:"message"`
					Status  string `json:"status"`
				} `json:"error"`
			}
			require.NoError(t, json.Unmarshal(out, &e), "%s", out)
			assert.Equal(t, tt.code, e.Error.Code)
			assert.Equal(t, tt.status, e.Error.Status)
			assert.Contains(t, e.Error.Message, tt.msg)
		})
	}
	for _, tt := range []struct {
		method, path string
		code         int
		status       string
	}{
		{http.MethodGet, analyzePath, http.StatusMethodNotAllowed, "UNIMPLEMENTED"},
		{http.MethodPost, "/v1alpha1/comments:suggestscore", http.StatusNotFound, "NOT_FOUND"},
	} {
		code, hdr, out := do(t, h, tt.method, tt.path, "", "")
		require.Equal(t, tt.code, code, "%s", out)
		var e struct {
			Error struct {
				Code   int    `json:"code"`
				Status string `json:"status"`
			} `json:"error"`
		}
		require.NoError(t, json.Unmarshal(out, &e), "%s", out)
		assert.Equal(t, tt.code, e.Error.Code, "%s %s: Google's error shape: %s", tt.method, tt.path, out)
		assert.Equal(t, tt.status, e.Error.Status, "%s %s", tt.method, tt.path)
		if tt.code == http.StatusMethodNotAllowed {
			assert.Equal(t, "POST", hdr.Get("Allow"))
		}
	}
}

// TestAnalyzeSpansWithModel scores PROFANITY with a model whose learned
// weights are far above 1: every span score is still a probability, and
// the spans are the lexicon evidence's, not the learned features'.
func TestAnalyzeSpansWithModel(t *testing.T) {
	m, err := model.Parse(strings.NewReader("#! saring-model 1\n@saring 0.7.0\n@features 1\n@corpus 2 mine.jsonl\n@defer no\n"+
		"@label abusive bias=-2 threshold=0.5 l2=1 weights=2 cv=1,1,1 nb=1,1,1\n"+
		"abusive\tw:zorblat\t6\nabusive\tx:abusive\t4\n@end\n"), "mine.model")
	require.NoError(t, err)
	opts, err := testOptions()
	require.NoError(t, err)
	live, err := classify.NewLive(append(opts, classify.WithModel(m))...)
	require.NoError(t, err)
	text := "dasar zorblat babi"
	res := live.Classify(text)
	lr, ok := res.Label(lexicon.Abusive)
	require.True(t, ok && lr.Flagged, "precondition: the model flags abusive")
	require.True(t, slices.ContainsFunc(lr.Evidence, func(e classify.Evidence) bool {
		return e.Match == classify.MatchLearned && e.Weight > 1
	}), "precondition: learned evidence weighs over 1: %+v", lr.Evidence)

	a := analyze(t, New(live), `{"comment":{"text":"`+text+`"},"requestedAttributes":{"PROFANITY":{}},"spanAnnotations":true}`)
	as := a.AttributeScores["PROFANITY"]
	require.NotNil(t, as.SummaryScore)
	assert.Equal(t, lr.Score, as.SummaryScore.Value)
	var got []string
	for _, s := range as.SpanScores {
		assert.True(t, s.Score.Value >= 0 && s.Score.Value <= 1, "span %d:%d scores %v", s.Begin, s.End, s.Score.Value)
		got = append(got, text[s.Begin:s.End])
	}
	assert.Equal(t, []string{"babi"}, got, "the lexicon's span only")
}
