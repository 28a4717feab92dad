/**
 * A minimal, faithful stand-in for Stripe.js v3, served by the fake at `/v3` (as https://js.stripe.com/v3).
 *
 * What billcycle uses of it, with Stripe's shapes: `Stripe(publishableKey)`, `.elements()`, `.create("card")`,
 * `.mount(selector | element)`, `.on("change" | "ready", handler)`, `.destroy()`, and
 * `stripe.confirmCardSetup(clientSecret, { payment_method: { card: element } })` resolving to `{ setupIntent }` or
 * `{ error }`. As in Stripe.js, the card inputs live in an iframe served from the fake's own origin: the page that
 * mounts the element never holds the card number, and the iframe posts it to the fake's
 * `POST /v1/setup_intents/:id/confirm` (publishable key and client secret, form-encoded), never to the page's server.
 */

/** The element's iframe document: the inputs, their validation, and the confirm call, on the fake's origin. */
export const CARD_FRAME_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Secure card payment input frame</title>
<style>
  body { margin: 0; font: 15px system-ui, sans-serif; color: #1f2933; }
  .row { display: flex; gap: 6px; align-items: center; }
  input { border: 0; outline: none; font: inherit; padding: 6px 2px; min-width: 0; background: transparent; }
  #number { flex: 1 1 12em; } #exp { width: 5.5em; } #cvc { width: 3.5em; } #postal { width: 5.5em; }
  .invalid { color: #c81e1e; }
</style></head>
<body><div class="row">
  <input id="number" name="cardnumber" autocomplete="cc-number" inputmode="numeric" placeholder="Card number" aria-label="Card number">
  <input id="exp" name="exp-date" autocomplete="cc-exp" inputmode="numeric" placeholder="MM / YY" aria-label="Expiration date MM / YY">
  <input id="cvc" name="cvc" autocomplete="cc-csc" inputmode="numeric" placeholder="CVC" aria-label="CVC">
  <input id="postal" name="postal" autocomplete="postal-code" placeholder="ZIP" aria-label="ZIP">
</div><script src="card-frame.js"></script></body></html>`;

export const CARD_FRAME_JS = `(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var parentOrigin = new URLSearchParams(location.hash.slice(1)).get("origin") || "*";
  var digits = function (s) { return (s || "").replace(/\\D/g, ""); };
  var luhn = function (n) {
    var sum = 0, dbl = false;
    for (var i = n.length - 1; i >= 0; i--) {
      var d = Number(n[i]); if (dbl) { d *= 2; if (d > 9) d -= 9; } sum += d; dbl = !dbl;
    }
    return n.length >= 12 && sum % 10 === 0;
  };
  var brandOf = function (n) {
    if (/^4/.test(n)) return "visa";
    if (/^(5[1-5]|2[2-7])/.test(n)) return "mastercard";
    if (/^3[47]/.test(n)) return "amex";
    if (/^6(011|5)/.test(n)) return "discover";
    return "unknown";
  };
  var expiry = function () {
    var m = digits($("exp").value);
    if (m.length < 4) return null;
    return { month: Number(m.slice(0, 2)), year: 2000 + Number(m.slice(2, 4)) };
  };
  var validation = function () {
    var n = digits($("number").value), e = expiry(), c = digits($("cvc").value), now = new Date();
    if (!n) return { code: "incomplete_number", message: "Your card number is incomplete." };
    if (!luhn(n)) return { code: "invalid_number", message: "Your card number is invalid." };
    if (!e) return { code: "incomplete_expiry", message: "Your card's expiration date is incomplete." };
    if (e.month < 1 || e.month > 12) return { code: "invalid_expiry_month", message: "Your card's expiration date is invalid." };
    if (e.year < now.getFullYear() || (e.year === now.getFullYear() && e.month < now.getMonth() + 1))
      return { code: "invalid_expiry_year_past", message: "Your card's expiration year is in the past." };
    if (c.length < 3) return { code: "incomplete_cvc", message: "Your card's security code is incomplete." };
    if (!$("postal").value.trim()) return { code: "incomplete_zip", message: "Your postal code is incomplete." };
    return null;
  };
  var post = function (msg) { parent.postMessage(Object.assign({ __stripeFake: true }, msg), parentOrigin); };
  var changed = function () {
    var n = digits($("number").value), err = validation();
    var empty = !n && !$("exp").value && !$("cvc").value && !$("postal").value;
    var shown = err && !/^incomplete/.test(err.code) ? err : null;
    $("number").className = shown && /number/.test(shown.code) ? "invalid" : "";
    post({ type: "change", event: { elementType: "card", empty: empty, complete: !err, brand: brandOf(n),
      error: shown ? { type: "validation_error", code: shown.code, message: shown.message } : undefined } });
  };
  ["number", "exp", "cvc", "postal"].forEach(function (id) { $(id).addEventListener("input", changed); });
  $("exp").addEventListener("input", function () {
    var d = digits(this.value).slice(0, 4);
    this.value = d.length > 2 ? d.slice(0, 2) + " / " + d.slice(2) : d;
  });
  window.addEventListener("message", function (ev) {
    var m = ev.data;
    if (!m || !m.__stripeFake || ev.source !== parent) return;
    if (m.type === "clear") { ["number", "exp", "cvc", "postal"].forEach(function (id) { $(id).value = ""; }); changed(); return; }
    if (m.type === "focus") { $("number").focus(); return; }
    if (m.type !== "confirmCardSetup") return;
    var err = validation();
    if (err) { post({ type: "result", id: m.id, error: { type: "validation_error", code: err.code, message: err.message } }); return; }
    var e = expiry();
    var body = new URLSearchParams();
    body.set("payment_method_data[type]", "card");
    body.set("payment_method_data[card][number]", digits($("number").value));
    body.set("payment_method_data[card][exp_month]", String(e.month));
    body.set("payment_method_data[card][exp_year]", String(e.year));
    body.set("payment_method_data[card][cvc]", digits($("cvc").value));
    body.set("payment_method_data[billing_details][address][postal_code]", $("postal").value.trim());
    body.set("expected_payment_method_type", "card");
    body.set("use_stripe_sdk", "true");
    body.set("key", m.key);
    body.set("client_secret", m.clientSecret);
    var seti = String(m.clientSecret).split("_secret_")[0];
    fetch("/v1/setup_intents/" + encodeURIComponent(seti) + "/confirm", { method: "POST", body: body })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) { post(r.ok ? { type: "result", id: m.id, setupIntent: r.body } : { type: "result", id: m.id, error: r.body.error }); })
      .catch(function (x) { post({ type: "result", id: m.id, error: { type: "api_connection_error", message: String(x && x.message || x) } }); });
  });
  post({ type: "ready" });
})();
`;

/** The script a page loads from `/v3`: `window.Stripe`, as Stripe.js defines it. */
export const STRIPE_JS = `(function () {
  "use strict";
  if (window.Stripe) return;
  var current = document.currentScript;
  var origin = new URL(current ? current.src : location.href).origin;
  var seq = 0;
  function CardElement() { this._handlers = {}; this._frame = null; this._destroyed = false; this._listener = null; }
  CardElement.prototype.on = function (event, handler) {
    (this._handlers[event] = this._handlers[event] || []).push(handler); return this;
  };
  CardElement.prototype.off = function (event, handler) {
    this._handlers[event] = (this._handlers[event] || []).filter(function (h) { return h !== handler; }); return this;
  };
  CardElement.prototype._emit = function (event, payload) {
    (this._handlers[event] || []).forEach(function (h) { h(payload); });
  };
  CardElement.prototype.mount = function (target) {
    var el = typeof target === "string" ? document.querySelector(target) : target;
    if (!el) throw new Error("IntegrationError: The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.");
    if (this._frame) throw new Error("IntegrationError: This Element is already mounted.");
    var self = this;
    var frame = document.createElement("iframe");
    frame.name = "__privateStripeFrame" + (++seq);
    frame.title = "Secure card payment input frame";
    frame.setAttribute("frameborder", "0");
    frame.setAttribute("allowtransparency", "true");
    frame.setAttribute("scrolling", "no");
    frame.src = origin + "/v3/elements/card.html#origin=" + encodeURIComponent(location.origin);
    frame.style.width = "100%"; frame.style.height = "36px"; frame.style.border = "0"; frame.style.display = "block";
    el.classList.add("StripeElement", "StripeElement--empty");
    el.appendChild(frame);
    this._container = el;
    this._frame = frame;
    this._listener = function (ev) {
      var m = ev.data;
      if (ev.source !== frame.contentWindow || !m || !m.__stripeFake) return;
      if (m.type === "ready") self._emit("ready", { elementType: "card" });
      if (m.type === "change") {
        el.classList.toggle("StripeElement--empty", m.event.empty);
        el.classList.toggle("StripeElement--complete", m.event.complete);
        el.classList.toggle("StripeElement--invalid", !!m.event.error);
        self._emit("change", m.event);
      }
      if (m.type === "result" && self._pending && self._pending[m.id]) {
        var resolve = self._pending[m.id]; delete self._pending[m.id];
        resolve(m.error ? { error: m.error } : { setupIntent: m.setupIntent });
      }
    };
    window.addEventListener("message", this._listener);
  };
  CardElement.prototype._send = function (msg) {
    if (!this._frame || !this._frame.contentWindow) return;
    msg.__stripeFake = true;
    this._frame.contentWindow.postMessage(msg, origin);
  };
  CardElement.prototype.clear = function () { this._send({ type: "clear" }); };
  CardElement.prototype.focus = function () { this._send({ type: "focus" }); };
  CardElement.prototype.unmount = function () {
    if (this._listener) window.removeEventListener("message", this._listener);
    if (this._frame && this._frame.parentNode) this._frame.parentNode.removeChild(this._frame);
    if (this._container) this._container.classList.remove("StripeElement", "StripeElement--empty", "StripeElement--complete", "StripeElement--invalid");
    this._frame = null; this._listener = null;
  };
  CardElement.prototype.destroy = function () { this.unmount(); this._destroyed = true; };

  function Elements() { this._elements = {}; }
  Elements.prototype.create = function (type) {
    if (type !== "card") throw new Error("IntegrationError: this Stripe.js stand-in only has the card Element (asked for " + type + ")");
    if (this._elements.card && !this._elements.card._destroyed) throw new Error("IntegrationError: Can only create one Element of type card.");
    return (this._elements.card = new CardElement());
  };
  Elements.prototype.getElement = function (type) {
    var el = this._elements[type]; return el && !el._destroyed ? el : null;
  };

  function Stripe(key) {
    if (!(this instanceof Stripe)) return new Stripe(key);
    if (typeof key !== "string" || key.indexOf("pk_") !== 0)
      throw new Error("IntegrationError: Invalid value for Stripe(): apiKey should be a publishable key (pk_…).");
    this._key = key;
  }
  Stripe.prototype.elements = function () { return new Elements(); };
  Stripe.prototype.confirmCardSetup = function (clientSecret, data) {
    var card = data && data.payment_method && data.payment_method.card;
    if (!(card instanceof CardElement) || !card._frame)
      return Promise.reject(new Error("IntegrationError: payment_method.card should be a mounted card Element."));
    if (typeof clientSecret !== "string" || clientSecret.indexOf("_secret_") < 0)
      return Promise.reject(new Error("IntegrationError: Invalid value for confirmCardSetup intent secret."));
    var id = "c" + (++seq);
    card._pending = card._pending || {};
    var key = this._key;
    return new Promise(function (resolve) {
      card._pending[id] = resolve;
      card._send({ type: "confirmCardSetup", id: id, clientSecret: clientSecret, key: key });
    });
  };
  window.Stripe = Stripe;
})();
`;
