package server

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// perspectiveAttributes maps the attribute names POST
// /v1alpha1/comments:analyze scores to the labels whose score each is: the
// highest score among them. Perspective's own names come first, where a
// saring label means the same thing; saring's labels follow under their
// own names. Any other attribute is answered as Perspective answers an
// attribute it does not offer in the request's language.
var perspectiveAttributes = map[string][]lexicon.Label{
	"TOXICITY":        {lexicon.HateSpeech, lexicon.Abusive},
	"INSULT":          {lexicon.HateSpeech, lexicon.Abusive},
	"PROFANITY":       {lexicon.Abusive},
	"IDENTITY_ATTACK": {lexicon.SARA},
	"THREAT":          {lexicon.Provocation},
	"HATE_SPEECH":     {lexicon.HateSpeech},
	"SARA":            {lexicon.SARA},
	"BLACK_CAMPAIGN":  {lexicon.BlackCampaign},
	"PROVOCATION":     {lexicon.Provocation},
	"HOAX":            {lexicon.Hoax},
	"ABUSIVE":         {lexicon.Abusive},
}

// perspectivePrefix is the path of Perspective's routes: an unknown path
// under it, or another method than POST on comments:analyze, is answered in
// Google's error shape.
const perspectivePrefix = "/v1alpha1/"

// perspectiveLanguages are the language codes (ISO 639, the part before any
// "-" of a BCP-47 tag) POST /v1alpha1/comments:analyze accepts: Indonesian
// (and its old code "in"), and the regional languages saring's lexicons
// hold words of: Javanese, Sundanese, Malay, Minangkabau, Betawi and
// Makassarese.
var perspectiveLanguages = []string{"id", "in", "jv", "su", "ms", "min", "bew", "mak"}

// analyzeRequest is Perspective's AnalyzeComment request.
type analyzeRequest struct {
	Comment *struct {
		Text *string `json:"text"`
		Type string  `json:"type"`
	} `json:"comment"`
	RequestedAttributes map[string]*struct {
		ScoreType      string   `json:"scoreType"`
		ScoreThreshold *float64 `json:"scoreThreshold"`
	} `json:"requestedAttributes"`
	Languages       []string `json:"languages"`
	SpanAnnotations bool     `json:"spanAnnotations"`
	ClientToken     string   `json:"clientToken"`
	// Accepted and not used: saring stores nothing and scores the comment
	// alone.
	DoNotStore  bool            `json:"doNotStore"`
	Context     json.RawMessage `json:"context"`
	SessionID   string          `json:"sessionId"`
	CommunityID string          `json:"communityId"`
}

// analyzeResponse is Perspective's AnalyzeComment response.
type analyzeResponse struct {
	AttributeScores map[string]attributeScores `json:"attributeScores"`
	Languages       []string                   `json:"languages"`
	ClientToken     string                     `json:"clientToken,omitempty"`
}

type attributeScores struct {
	SpanScores   []spanScore `json:"spanScores,omitempty"`
	SummaryScore score       `json:"summaryScore"`
}

// spanScore is a span of a piece of lexicon or rule evidence, scored by
// its weight, a probability in [0,1]. Learned evidence has no span score:
// its weight is a contribution to the log-odds, which can exceed 1.
type spanScore struct {
	// Begin and End are UTF-16 code unit offsets, End exclusive, as
	// Perspective's API description defines them.
	Begin int   `json:"begin"`
	End   int   `json:"end"`
	Score score `json:"score"`
}

type score struct {
	Value float64 `json:"value"`
	Type  string  `json:"type"`
}

const probability = "PROBABILITY"

// googleError is the error body of Google's APIs, Perspective's included.
type googleError struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
	} `json:"error"`
}

// writeGoogleError answers in the error shape of Google's APIs. Client
// errors are 400 INVALID_ARGUMENT, as Perspective gives them (a text over
// the limit included), but for an unknown path (404 NOT_FOUND) and another
// method than POST (405 UNIMPLEMENTED, with Allow).
func writeGoogleError(w http.ResponseWriter, code int, msg string) {
	var e googleError
	switch {
	case code == http.StatusNotFound:
		e.Error.Status = "NOT_FOUND"
	case code == http.StatusMethodNotAllowed:
		e.Error.Status = "UNIMPLEMENTED"
	case code == http.StatusRequestTimeout:
		e.Error.Status = "DEADLINE_EXCEEDED"
	case code == http.StatusServiceUnavailable:
		e.Error.Status = "UNAVAILABLE"
	case code >= 500:
		e.Error.Status = "INTERNAL"
	default:
		code, e.Error.Status = http.StatusBadRequest, "INVALID_ARGUMENT"
	}
	e.Error.Code, e.Error.Message = code, msg
	writeJSON(w, code, e)
}

// analyze serves POST /v1alpha1/comments:analyze.
func (h *Handler) analyze(w http.ResponseWriter, r *http.Request) {
	var req analyzeRequest
	if herr := h.decode(w, r, &req); herr != nil {
		writeGoogleError(w, herr.code, herr.msg)
		return
	}
	text, labels, langs, herr := h.checkAnalyze(&req)
	if herr != nil {
		writeGoogleError(w, herr.code, herr.msg)
		return
	}
	noteTexts(r, []string{text})
	c := h.classifier()
	if c == nil {
		writeGoogleError(w, http.StatusInternalServerError, "server has no classifier")
		return
	}
	res := c.Classify(text)
	h.countResult(res)
	out := analyzeResponse{AttributeScores: make(map[string]attributeScores, len(labels)),
		Languages: langs, ClientToken: req.ClientToken}
	for name, ls := range labels {
		as := attributeScores{SummaryScore: score{Type: probability}}
		var spans []spanScore
		for _, lr := range res.Labels {
			if !slices.Contains(ls, lr.Label) {
				continue
			}
			as.SummaryScore.Value = max(as.SummaryScore.Value, lr.Score)
			for _, ev := range lr.Evidence {
				if ev.Match == classify.MatchLearned {
					continue // its weight is a log-odds contribution, not a probability
				}
				spans = append(spans, spanScore{ev.StartUTF16, ev.EndUTF16, score{ev.Weight, probability}})
			}
		}
		if t := req.RequestedAttributes[name]; t != nil && t.ScoreThreshold != nil && as.SummaryScore.Value < *t.ScoreThreshold {
			continue
		}
		if req.SpanAnnotations {
			as.SpanScores = mergeSpans(spans)
		}
		out.AttributeScores[name] = as
	}
	writeJSON(w, http.StatusOK, out)
}

// mergeSpans sorts spans by position and keeps one span for each place,
// at its highest score.
func mergeSpans(spans []spanScore) []spanScore {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Begin != spans[j].Begin {
			return spans[i].Begin < spans[j].Begin
		}
		return spans[i].End < spans[j].End
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].Begin == s.Begin && out[n-1].End == s.End {
			out[n-1].Score.Value = max(out[n-1].Score.Value, s.Score.Value)
			continue
		}
		out = append(out, s)
	}
	return out
}

// checkAnalyze validates a request and returns its text, the labels of
// each requested attribute and the languages to answer with.
func (h *Handler) checkAnalyze(req *analyzeRequest) (string, map[string][]lexicon.Label, []string, *httpError) {
	if req.Comment == nil || req.Comment.Text == nil {
		return "", nil, nil, errorf(http.StatusBadRequest, "comment.text is required")
	}
	text := *req.Comment.Text
	if text == "" {
		return "", nil, nil, errorf(http.StatusBadRequest, "Comment must be non-empty.")
	}
	if len(text) > h.maxText {
		return "", nil, nil, errorf(http.StatusBadRequest, "comment.text is %d bytes, over the limit of %d", len(text), h.maxText)
	}
	if t := req.Comment.Type; t != "" && t != "PLAIN_TEXT" {
		return "", nil, nil, errorf(http.StatusBadRequest, "comment.type %q is not supported; only PLAIN_TEXT is", t)
	}
	if len(req.RequestedAttributes) == 0 {
		return "", nil, nil, errorf(http.StatusBadRequest, "requestedAttributes must name at least one attribute")
	}
	langs := req.Languages
	if len(langs) == 0 {
		langs = []string{"id"} // saring does not detect languages: it reads Indonesian
	}
	supported := slices.ContainsFunc(langs, func(l string) bool {
		base, _, _ := strings.Cut(strings.ToLower(l), "-")
		return slices.Contains(perspectiveLanguages, base)
	})
	names := make([]string, 0, len(req.RequestedAttributes))
	for name := range req.RequestedAttributes {
		names = append(names, name)
	}
	sort.Strings(names)
	labels := make(map[string][]lexicon.Label, len(names))
	for _, name := range names {
		ls, ok := perspectiveAttributes[name]
		if !ok || !supported {
			return "", nil, nil, errorf(http.StatusBadRequest, "Attribute %s does not support request languages: %s", name, strings.Join(langs, ","))
		}
		if p := req.RequestedAttributes[name]; p != nil {
			if st := p.ScoreType; st != "" && st != probability && st != "SCORE_TYPE_UNSPECIFIED" {
				return "", nil, nil, errorf(http.StatusBadRequest, "requestedAttributes.%s.scoreType %q is not supported; only PROBABILITY is", name, st)
			}
			if th := p.ScoreThreshold; th != nil && !(*th >= 0 && *th <= 1) {
				return "", nil, nil, errorf(http.StatusBadRequest, "requestedAttributes.%s.scoreThreshold %v is outside [0,1]", name, *th)
			}
		}
		labels[name] = ls
	}
	return text, labels, langs, nil
}
