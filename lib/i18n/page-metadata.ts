/**
 * Titles, descriptions and link cards in the visitor's language. The root layout sets the site's
 * defaults (`siteMetadata`); each page's generateMetadata returns `pageMetadata(title, "page")`:
 *
 *   export async function generateMetadata(): Promise<Metadata> {
 *     return pageMetadata((await getTranslations("jobs"))("title"), "jobs");
 *   }
 *
 * Next merges metadata one level deep, so a page that set only a title would share the site's
 * Open Graph title; the page's card is therefore written in full here.
 */
import "server-only";
import type { Metadata } from "next";
import type { Locale } from "./locales";
import type { Messages } from "./messages/en";
import { getLocale, messagesFor } from "./server";

export type PageKey = keyof Messages["pageMeta"];

const SITE = "Idlegrid";
/** public/og-image.png, drawn by scripts/brand-assets.ts. */
const ogImage = { url: "/og-image.png", width: 1200, height: 630, alt: SITE };
const ogLocales: Record<Locale, string> = { en: "en_US", de: "de_DE" };

function card(locale: Locale, title: string, description: string): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: { type: "website", siteName: SITE, locale: ogLocales[locale], title, description, images: [ogImage] },
    twitter: { card: "summary_large_image", title, description, images: [ogImage.url] },
  };
}

/** The root layout's metadata: the title template, the default description, icons, manifest and card. */
export async function siteMetadata(appUrl: string): Promise<Metadata> {
  const locale = await getLocale();
  const { title, description } = messagesFor(locale, "meta");
  return {
    // Resolves the card's relative image URL to an absolute one, as crawlers need.
    metadataBase: new URL(appUrl),
    applicationName: SITE,
    title: { default: title, template: `%s · ${SITE}` },
    description,
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
    },
    manifest: "/manifest.webmanifest",
    ...card(locale, title, description),
  };
}

/** A page's title (the layout's template adds " · Idlegrid") and its description from the pageMeta namespace. */
export async function pageMetadata(title: string, page: PageKey): Promise<Metadata> {
  const locale = await getLocale();
  const description = messagesFor(locale, "pageMeta")[page];
  return { title, description, ...card(locale, `${title} · ${SITE}`, description) };
}
