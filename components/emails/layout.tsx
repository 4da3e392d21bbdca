import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const colors = { brand: "#0f766e", text: "#0f172a", muted: "#64748b", border: "#e2e8f0", page: "#f8fafc" } as const;
const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export interface EmailLayoutProps {
  /** The inbox preview line. */
  preview: string;
  heading: string;
  children: ReactNode;
  /** Why the recipient got this email, shown in the footer. */
  reason?: string;
  /** Whether the footer may tell someone who did nothing to ignore the email (not for security notices). */
  ignorable?: boolean;
  /** More footer lines (a notification's unsubscribe and preferences links). */
  footer?: ReactNode;
}

/** The shared frame of every BioSync email: brand header, content card, footer. */
export function EmailLayout({ preview, heading, children, reason, ignorable = true, footer }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "0 16px" }}>
          <Section style={{ padding: "8px 0 16px" }}>
            <Text style={{ margin: 0, fontSize: 20, fontWeight: 700, color: colors.brand }}>BioSync</Text>
          </Section>
          <Section style={{ backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: 12, padding: "24px 28px" }}>
            <Heading as="h1" style={{ margin: "0 0 16px", fontSize: 22, lineHeight: "30px", color: colors.text }}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Hr style={{ borderColor: colors.border, margin: "24px 0 12px" }} />
          <Text style={{ margin: 0, fontSize: 12, lineHeight: "18px", color: colors.muted }}>
            {reason ?? "You received this email because of activity on your BioSync account."}
            {ignorable ? " If this wasn't you, you can ignore it." : null}
          </Text>
          {footer}
          <Text style={{ margin: "4px 0 0", fontSize: 12, color: colors.muted }}>BioSync · your health data, in one place</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailText({ children }: { children: ReactNode }) {
  return <Text style={{ margin: "0 0 16px", fontSize: 15, lineHeight: "24px", color: colors.text }}>{children}</Text>;
}

/** A muted footer line, e.g. a notification's unsubscribe and preferences links. */
export function EmailFooterLinks({ links }: { links: { href: string; label: string }[] }) {
  return (
    <Text style={{ margin: "4px 0 0", fontSize: 12, lineHeight: "18px", color: colors.muted }}>
      {links.map((link, i) => (
        <span key={link.href}>
          {i > 0 ? " · " : null}
          <Link href={link.href} style={{ color: colors.muted, textDecoration: "underline" }}>
            {link.label}
          </Link>
        </span>
      ))}
    </Text>
  );
}

/** A label and its value, one row of a small figures list. */
export function EmailFigure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Text style={{ margin: "0 0 8px", fontSize: 15, lineHeight: "22px", color: colors.text }}>
      <strong>{label}:</strong> {value}
      {note ? <span style={{ color: colors.muted }}> — {note}</span> : null}
    </Text>
  );
}

/** A call-to-action button followed by the raw link, so the plain-text part carries the URL too. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Section style={{ margin: "8px 0 20px" }}>
        <Button
          href={href}
          style={{ backgroundColor: colors.brand, color: "#ffffff", borderRadius: 8, padding: "12px 20px", fontSize: 15, fontWeight: 600, textDecoration: "none" }}
        >
          {children}
        </Button>
      </Section>
      <Text style={{ margin: "0 0 16px", fontSize: 13, lineHeight: "20px", color: colors.muted }}>
        Or open this link: <Link href={href} style={{ color: colors.brand, wordBreak: "break-all" }}>{href}</Link>
      </Text>
    </>
  );
}
