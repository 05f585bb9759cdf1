// Package server serves a saring classifier over HTTP: a JSON API, a
// Perspective-compatible endpoint, operations routes and a page where people
// classify posts and see the evidence highlighted.
//
// [New] returns a [Handler], an [http.Handler], so the API can be mounted in
// any server or tested with net/http/httptest; [Serve] runs it on a listener
// and drains it on shutdown. The routes (also in GET /openapi.json):
//
//	POST /v1/classify                 classify one text or a batch
//	POST /v1alpha1/comments:analyze   Perspective's AnalyzeComment
//	GET  /healthz                     status and the versions in force
//	GET  /metrics                     Prometheus metrics
//	GET  /openapi.json                the OpenAPI 3.1 description
//	POST /admin/reload                rebuild the classifier, re-reading its files (with WithReload)
//	GET  /                            the page (embedded; no external resources)
//
// The page is Indonesian by default, English with its EN switch or ?lang=en.
// It takes posts one a line, or JSONL or CSV pasted or uploaded, and shows a
// table of results with the evidence highlighted, filtered by label.
// GET /?text=... opens it with those posts filled in and classified (and
// ?filter=LABEL, flagged or clean), so a result can be linked.
//
// # Classifying
//
// A request body is a JSON object in one of three forms:
//
//	{"text":"dasar k4f1r lo","id":7}                 one text; "id" (any JSON value) is optional
//	{"texts":["...","..."]}                          a batch of texts
//	{"items":[{"id":"a","text":"..."},...]}          a batch of texts with ids
//
// and optionally "options":
//
//	{"labels":["sara","abusive"]}     answer with these labels only
//	{"thresholds":{"abusive":0.7}}    flag a label at this score, in (0,1]
//	{"evidence":false}                leave the evidence lists empty
//	{"mask":true}                     add "masked": the text with the evidence masked
//
// An unknown field, a key in another case than its field's ("Text" for
// "text"), a key twice in one object or a value of the wrong type is a 400
// that names it (on the Perspective route, in Google's error shape).
// One text is answered with one object in the shape of a `saring classify`
// output line: {"id":7,"flagged":[...],"labels":[...]} ("id" is omitted when
// the request had none). A batch is answered with {"results":[...]}, one such
// object per text, in the order of the request; it is streamed as it is
// classified, so the answer is never held whole in memory.
//
// Each evidence span is given three ways: "start"/"end" in UTF-8 bytes,
// "start_codepoint"/"end_codepoint" in Unicode code points (Python), and
// "start_utf16"/"end_utf16" in UTF-16 code units (JavaScript, Java).
//
// # Perspective
//
// POST /v1alpha1/comments:analyze takes Perspective's AnalyzeComment request
// and answers with its response, so a Perspective client works by changing
// its base URL. Attributes: TOXICITY and INSULT score the higher of
// hate_speech and abusive, PROFANITY abusive, IDENTITY_ATTACK sara, THREAT
// provocation; HATE_SPEECH, SARA, BLACK_CAMPAIGN, PROVOCATION, HOAX and
// ABUSIVE are saring's labels. summaryScore is the label's score;
// spanScores (with spanAnnotations) are the spans of the lexicon and rule
// evidence with their weights, probabilities in [0,1] (a model's learned
// evidence weighs log-odds and has no span score), begin and end in UTF-16 code units, end exclusive, as
// Perspective's API description defines them. Languages: id (and in), jv,
// su, ms, min, bew, mak; none given means Indonesian. Any other attribute, or
// no supported language, is answered as Perspective does: 400
// {"error":{"code":400,"message":"Attribute X does not support request
// languages: ...","status":"INVALID_ARGUMENT"}}. doNotStore, context,
// sessionId and communityId are accepted and not used; scoreThreshold drops
// an attribute scored below it; scoreType may only be PROBABILITY.
//
// # Limits
//
// At most [WithMaxConcurrent] classification requests are handled at once
// (default: the number of cores) and [WithMaxQueue] wait (default 32 a
// worker); a request that finds the queue full gets 503 with Retry-After.
// A request takes a place only once its whole body has arrived, so
// clients that send headers and stall (until the read timeout cuts them)
// cannot fill the queue. The bodies held, arriving, waiting or handled,
// are bounded together by the concurrency plus the queue times the body
// limit; a body that would go over it is refused with 503 and Retry-After.
// So memory is bounded by the limits, whatever clients send. With
// [WithTimeouts], the body's read deadline runs from the start of the
// request and a queued request's write deadline starts when its turn comes.
//
// # Errors
//
// Every error of the saring routes is a JSON object {"error":"..."} with a
// status code:
//
//	400  the body is not one JSON object of a known form, or a field is unknown or wrong
//	401  an admin route without the admin token
//	403  an admin route from a non-loopback address, without an admin token set
//	404  no such route
//	405  the route exists but not for this method (the Allow header lists the methods)
//	408  the body did not arrive within the server's read timeout
//	413  the body, a text or a batch is over its limit (see [WithMaxBodyBytes],
//	     [WithMaxTextBytes] and [WithMaxBatch])
//	415  a Content-Type other than JSON was given (no Content-Type is fine)
//	500  a handler failed (panics are recovered and logged), or a reload failed
//	503  the queue is full (with Retry-After), or the request was cancelled
package server
