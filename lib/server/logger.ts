// Structured logs with pino: one JSON object per line in production (level,
// time, msg and the fields), a readable line in development (pino-pretty).
// Every line goes through redaction: admin keys, seat tokens, Authorization
// and Cookie values never reach the log, even when a caller passes a whole
// payload or error. pino because it is the fastest well-kept JSON logger for
// Node: a line costs microseconds on the pick path.
import { format } from "node:util";
import pino from "pino";
import pretty from "pino-pretty";
import { redact, redactText } from "./security/redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFormat = "json" | "pretty";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * `write` receives each JSON line (without its newline): tests keep them; by
 * default lines go to stdout, as JSON or, for development, pretty.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void, format: LogFormat = "json"): Logger {
  const destination = write
    ? { write: (chunk: string) => write(chunk.replace(/\n$/, "")) }
    : format === "pretty"
      ? pretty({ sync: true, colorize: process.stdout.isTTY, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" })
      : process.stdout;
  const log = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // the fields, whatever a caller passed in them, redacted on the way out
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
  const at = (method: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (!log.isLevelEnabled(method)) return;
    if (fields) log[method](fields, redactText(message));
    else log[method](redactText(message));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Routes console output (Next.js's own messages, a library's warning) through
 * the logger, so that with JSON logs every line on stdout is JSON.
 */
export function captureConsole(logger: Logger): void {
  const plain = (args: unknown[]) =>
    format(...args)
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, "")
      .replace(/^\s*[✓⚠○•▲⨯]\s*/u, "")
      .trim();
  console.log = console.info = (...args: unknown[]) => logger.info(plain(args), { source: "console" });
  console.debug = (...args: unknown[]) => logger.debug(plain(args), { source: "console" });
  console.warn = (...args: unknown[]) => logger.warn(plain(args), { source: "console" });
  console.error = (...args: unknown[]) => logger.error(plain(args), { source: "console" });
}
