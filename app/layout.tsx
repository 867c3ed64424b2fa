import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "WarRoom",
  description: "Real-time NFL draft rooms: draft live together, CPU teams fill the other seats.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#020617",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-950 font-sans text-slate-100 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-sky-500 focus:px-3 focus:py-2 focus:text-slate-950"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-800 bg-slate-900/80">
          <div className="mx-auto flex h-12 max-w-7xl items-center px-3 sm:px-4">
            <Link href="/" className="text-lg font-bold tracking-tight text-slate-50 hover:text-sky-300">
              WarRoom
            </Link>
          </div>
        </header>
        <div id="main">{children}</div>
      </body>
    </html>
  );
}
