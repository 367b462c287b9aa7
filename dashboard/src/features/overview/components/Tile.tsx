import { Link, type LinkProps } from "@tanstack/react-router";
import type { ReactNode } from "react";

/** One tile of the start page: a titled section that ends in a link to its detail view. */
export function Tile({
  id,
  title,
  link,
  linkText,
  children,
  wide,
}: {
  id: string;
  title: string;
  link: LinkProps;
  linkText: string;
  children: ReactNode;
  /** Spans the whole row: a table that needs the width. */
  wide?: boolean;
}) {
  return (
    <section aria-labelledby={id} className={wide ? "card stack tile tile-wide" : "card stack tile"}>
      <h2 id={id}>{title}</h2>
      {children}
      <p className="tile-link">
        <Link {...link}>{linkText}</Link>
      </p>
    </section>
  );
}
