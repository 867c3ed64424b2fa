"use client";
// One CSV file's way in: choose it, drop it on the box, or paste its text.
// The file is read in the browser; what is sent is its text.
import { useId, useRef, useState, type DragEvent } from "react";
import type { CsvText } from "@/lib/client/admin/use-class-import";
import { buttonClass, inputClass } from "@/app/_components/ui";

/** Larger than the import route reads (1 MiB, with JSON's escaping on top). */
const MAX_FILE_BYTES = 1024 * 1024;

interface Props {
  label: string;
  hint: string;
  value: CsvText;
  onChange: (value: CsvText) => void;
  disabled?: boolean;
  testId: string;
}

const sizeOf = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;

export function CsvInput({ label, hint, value, onChange, disabled = false, testId }: Props) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function read(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(`${file.name} is ${sizeOf(file.size)}; a draft class file can be at most 1 MB.`);
      return;
    }
    setProblem(null);
    onChange({ text: await file.text(), fileName: file.name });
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (!disabled) void read(event.dataTransfer.files[0]);
  }

  const lines = value.text ? value.text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== "").length : 0;
  return (
    <div data-testid={testId}>
      <label htmlFor={`${id}-text`} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-300">
        {label}
      </label>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        className={`rounded-md border border-dashed p-2 ${over ? "border-sky-400 bg-sky-950/40" : "border-slate-600"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={disabled}
            onClick={() => fileRef.current?.click()}
          >
            Choose file…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="sr-only"
            tabIndex={-1}
            aria-label={`${label}: choose a CSV file`}
            onChange={(e) => {
              void read(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <span className="min-w-0 flex-1 truncate text-xs text-slate-400" aria-live="polite">
            {value.fileName
              ? `${value.fileName} · ${lines - 1} records`
              : lines > 1
                ? `pasted · ${lines - 1} records`
                : "or drop a CSV file here, or paste it below"}
          </span>
          {value.text && (
            <button
              type="button"
              className={buttonClass("secondary", "px-2")}
              disabled={disabled}
              onClick={() => onChange({ text: "", fileName: null })}
            >
              Clear
            </button>
          )}
        </div>
        <textarea
          id={`${id}-text`}
          className={`${inputClass} mt-2 h-28 resize-y font-mono text-xs`}
          spellCheck={false}
          wrap="off"
          disabled={disabled}
          placeholder={hint}
          value={value.text}
          onChange={(e) => onChange({ text: e.target.value, fileName: null })}
        />
      </div>
      {problem && (
        <p role="alert" className="mt-1 text-sm text-rose-300">
          {problem}
        </p>
      )}
    </div>
  );
}
