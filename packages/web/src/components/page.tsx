import type { ReactNode } from "react";
import { Breadcrumb, Breadcrumbs, Link } from "react-aria-components";

type Crumb = { label: string; href?: string };

/** The page heading (one h1 per screen) with optional breadcrumbs and actions. */
export const PageHeader = ({
  title,
  crumbs,
  actions,
  description,
}: {
  title: string;
  crumbs?: Crumb[];
  actions?: ReactNode;
  description?: ReactNode;
}) => (
  <header className="page-header">
    {crumbs?.length ? (
      <nav aria-label="Breadcrumbs">
        <Breadcrumbs className="breadcrumbs">
          {crumbs.map((c) => (
            <Breadcrumb key={c.label} className="breadcrumb">
              {c.href ? <Link href={c.href}>{c.label}</Link> : <span>{c.label}</span>}
            </Breadcrumb>
          ))}
        </Breadcrumbs>
      </nav>
    ) : null}
    <div className="page-title-row">
      <h1>{title}</h1>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
    {description ? <p className="page-description">{description}</p> : null}
  </header>
);

export const Section = ({
  title,
  children,
  actions,
  id,
  level = 2,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
  /** 3 for a section inside a panel that has its own h2. */
  level?: 2 | 3;
}) => {
  const H = level === 3 ? "h3" : "h2";
  const headingId = id ?? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <H id={headingId}>{title}</H>
        {actions}
      </div>
      {children}
    </section>
  );
};
