/**
 * The new-card pay page's one inline script, allowed by its hash (security-headers.ts): mounts Stripe's card
 * element, confirms the page's SetupIntent with Stripe on submit (the card goes to Stripe only), then posts the
 * form with the SetupIntent's id. One submit at a time; the form's idempotency key covers a resubmit.
 */
export const PAY_NEW_CARD_SCRIPT = `(function () {
  "use strict";
  var form = document.getElementById("new-card");
  var error = document.getElementById("card-error");
  var button = form.querySelector("button");
  var stripe = Stripe(form.dataset.publishableKey);
  var card = stripe.elements().create("card");
  var busy = false;
  var fail = function (message) { error.textContent = message; busy = false; button.disabled = false; };
  card.on("change", function (e) { error.textContent = e.error ? e.error.message : ""; });
  card.mount("#card-element");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (busy) return;
    busy = true; button.disabled = true; error.textContent = "";
    stripe.confirmCardSetup(form.dataset.clientSecret, { payment_method: { card: card } }).then(function (r) {
      if (r.error) return fail(r.error.message);
      form.elements.setupIntent.value = r.setupIntent.id;
      form.submit();
    }, function (e) { fail(String((e && e.message) || e)); });
  });
})();`;
