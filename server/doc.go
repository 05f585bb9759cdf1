// Package server serves a saring [classify.Classifier] over HTTP: a JSON API
// and a highlight page that shows where in a post the evidence was found.
//
// [New] returns an [http.Handler], so the API can be mounted in any server or
// tested with net/http/httptest. The routes are:
//
//	POST /v1/classify   classify one text or a batch
//	GET  /healthz       {"status":"ok"}
//	GET  /              the highlight page (embedded; no external resources)
//
// The highlight page classifies what is typed into it through the API and
// marks each piece of evidence in the post. GET /?text=... opens the page
// with that text filled in and classified, so a result can be linked.
//
// # Classifying
//
// A request body is a JSON object in one of three forms:
//
//	{"text":"dasar k4f1r lo","id":7}                 one text; "id" (any JSON value) is optional
//	{"texts":["...","..."]}                          a batch of texts
//	{"items":[{"id":"a","text":"..."},...]}          a batch of texts with ids
//
// One text is answered with one object in the shape of a `saring classify`
// output line: {"id":7,"flagged":[...],"labels":[...]} ("id" is omitted when
// the request had none). A batch is answered with {"results":[...]}, one such
// object per text, in the order of the request.
//
// Evidence spans (Evidence.Start and Evidence.End) are byte offsets into the
// UTF-8 text, not UTF-16 or rune offsets.
//
// # Errors
//
// Every error is a JSON object {"error":"..."} with a status code:
//
//	400  the body is not one JSON object of a known form, or a text is missing
//	404  no such route
//	405  the route exists but not for this method (the Allow header lists the methods)
//	413  the body, a text or a batch is over its limit (see [WithMaxBodyBytes],
//	     [WithMaxTextBytes] and [WithMaxBatch])
//	415  a Content-Type other than JSON was given (no Content-Type is fine)
//	500  a handler failed; panics are recovered, logged and answered with 500
//	503  the request was cancelled before a batch finished
package server
