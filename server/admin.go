package server

import (
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"strings"
)

// Reload rebuilds the Classifier with the options of [WithReload] and puts
// it in force atomically; requests already running finish on the old one.
// When the build fails, the old Classifier keeps serving and the error says
// why (for lexicon files, file:line). It is what POST /admin/reload and
// `saring serve`'s SIGHUP do.
func (h *Handler) Reload() error {
	if !h.canReload {
		return errors.New("server: reloading is not enabled (WithReload)")
	}
	if h.live == nil {
		return errors.New("server: no classifier to reload")
	}
	if err := h.live.Reload(h.reload...); err != nil {
		h.metrics.reloads.WithLabelValues("error").Inc()
		h.log.Error("server: reload failed; still serving the previous classifier", "error", err)
		return err
	}
	h.metrics.reloads.WithLabelValues("ok").Inc()
	v := h.versions()
	h.log.Info("server: reloaded", "lexicons", v.Lexicons, "lexicon_entries", v.Entries, "slang", v.Slang, "model", v.Model)
	return nil
}

// adminReload serves POST /admin/reload.
func (h *Handler) adminReload(w http.ResponseWriter, r *http.Request) {
	if !h.adminAllowed(r) {
		if h.adminToken != "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="saring admin"`)
			writeError(w, http.StatusUnauthorized, "admin routes need the header Authorization: Bearer TOKEN")
			return
		}
		writeError(w, http.StatusForbidden, "admin routes answer only loopback addresses (or set an admin token)")
		return
	}
	if err := h.Reload(); err != nil {
		writeError(w, http.StatusInternalServerError, "reload failed; still serving the previous classifier: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, h.versions())
}

// adminAllowed reports whether r may use an admin route: with a token set,
// when it carries it; without one, when it comes from a loopback address.
func (h *Handler) adminAllowed(r *http.Request) bool {
	if h.adminToken != "" {
		// The scheme is case-insensitive (RFC 7235).
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		return ok && strings.EqualFold(scheme, "Bearer") && subtle.ConstantTimeCompare([]byte(token), []byte(h.adminToken)) == 1
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
