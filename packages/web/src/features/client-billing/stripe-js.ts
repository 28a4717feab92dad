/**
 * Stripe.js, loaded from the address the server gives (Stripe's own in production, the Stripe fake in tests and
 * the demo). Only the part billcycle uses is typed: the card Element and confirmCardSetup. The card number is typed
 * into Stripe's frame and goes to Stripe; billcycle receives only the saved card's brand, last 4 and expiry.
 */
export type StripeChangeEvent = { complete: boolean; empty: boolean; error?: { message: string } };

export type StripeCardElement = {
  mount(target: HTMLElement): void;
  on(event: "change", handler: (e: StripeChangeEvent) => void): void;
  on(event: "ready", handler: () => void): void;
  destroy(): void;
};

export type StripeSetupResult = {
  setupIntent?: { id: string; status: string };
  error?: { message: string; code?: string };
};

export type StripeInstance = {
  elements(): { create(type: "card"): StripeCardElement };
  confirmCardSetup(
    clientSecret: string,
    data: { payment_method: { card: StripeCardElement } },
  ): Promise<StripeSetupResult>;
};

type StripeFactory = (publishableKey: string) => StripeInstance;

declare global {
  interface Window {
    Stripe?: StripeFactory;
  }
}

const loading = new Map<string, Promise<StripeFactory>>();

/** Adds the script once per address; resolves with window.Stripe. */
export const loadStripeJs = (url: string): Promise<StripeFactory> => {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  let p = loading.get(url);
  if (!p) {
    p = new Promise<StripeFactory>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = () =>
        window.Stripe ? resolve(window.Stripe) : reject(new Error(`${url} did not define Stripe`));
      script.onerror = () => {
        loading.delete(url);
        script.remove();
        reject(new Error(`Stripe.js could not be loaded from ${url}`));
      };
      document.head.appendChild(script);
    });
    loading.set(url, p);
  }
  return p;
};
