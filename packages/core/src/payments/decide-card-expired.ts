/**
 * A card is good through the last day of its expiry month (cards print MM/YY and are honoured to the month's
 * end), so it is expired once the practice's local date is in a later month. The local date is the practice's,
 * not UTC: at 00:30 in Los Angeles on June 1 a card expiring in May is expired, whatever UTC says.
 */
export const decideCardExpired = (
  card: { expMonth: number; expYear: number },
  localDate: string,
): boolean => {
  const [year, month] = localDate.split("-").map(Number) as [number, number];
  return card.expYear < year || (card.expYear === year && card.expMonth < month);
};
