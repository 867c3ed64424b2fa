"use client";
// The lobby: live sessions to watch or join on the left, a solo mock on the right.
import Link from "next/link";
import { SessionList } from "./session-list";
import { SoloMockForm } from "./solo-mock-form";

export function Lobby() {
  return (
    <main className="mx-auto max-w-7xl space-y-4 p-3 sm:p-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold text-slate-50">Draft rooms</h1>
          <p className="text-sm text-slate-300">
            Watch a live draft, claim an open seat, or start a mock against CPU GMs.
          </p>
        </div>
        <Link prefetch={false} href="/admin" className="text-sm text-sky-300 underline-offset-2 hover:underline">
          Run a league draft →
        </Link>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <SessionList className="order-2 lg:order-1" />
        <div className="order-1 lg:order-2">
          <SoloMockForm />
        </div>
      </div>
    </main>
  );
}
