import { Link, type LinkProps } from "@tanstack/react-router";
import type { ReactNode } from "react";

/** One tile of the start page: a titled section that ends in a link to its detail view. */
export function Tile({
  id,
  title,
  link,
  linkText,
  children,
}: {
  id: string;
  title: string;
  link: LinkProps;
  linkText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="card stack tile">
      <h2 id={id}>{title}</h2>
      {children}
      <p className="tile-link">
        <Link {...link}>{linkText}</Link>
      </p>
    </section>
  );
}
