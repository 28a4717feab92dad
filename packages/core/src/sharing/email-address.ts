/**
 * Whether an address is one an SMTP server can be given: local@domain, no spaces or control characters, a domain
 * of dot-separated labels with a top-level label, within RFC 5321's lengths. Addresses are normally checked when
 * entered; this guards rows that arrived otherwise (imports, older data) before anything is sent.
 */
export const isDeliverableEmail = (address: string): boolean => {
  if (address.length > 254) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64) return false;
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  return labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
};
