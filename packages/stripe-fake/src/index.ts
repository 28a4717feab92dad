export { canonicalParams, decodeForm, type FormObject, type FormValue } from "./form";
export type {
  FakeCharge,
  FakeCustomer,
  FakeEvent,
  FakePaymentIntent,
  FakePaymentMethod,
  FakeRefund,
  FakeSetupIntent,
} from "./objects";
export {
  FAKE_API_VERSION,
  type FakeCard,
  type RecordedRequest,
  type StripeFake,
  type StripeFakeFault,
  type StripeFakeOptions,
  signWebhookPayload,
  startStripeFake,
  type WebhookDelivery,
} from "./server";
