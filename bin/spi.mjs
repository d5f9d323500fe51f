#!/usr/bin/env node
// Launcher for the `spi` CLI: registers tsx's loader so lib/spi/cli.ts runs as is.
import { register } from "tsx/esm/api";

register();
const { main } = await import(new URL("../lib/spi/cli.ts", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
