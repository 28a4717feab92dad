/** Text matched literally inside a LIKE pattern (backslash is PostgreSQL's default LIKE escape). */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, "\\$&");
