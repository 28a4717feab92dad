/** How a client paid: by hand (cash, check, a card run on another terminal) or by card through billcycle. */
export const paymentMethods = ["cash", "check", "external_card", "card"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentMethodLabel: Record<PaymentMethod, string> = {
  cash: "Cash",
  check: "Check",
  external_card: "Card (external terminal)",
  card: "Card",
};
