// Loads `.env` from the working directory into process.env, where a variable is
// not already set: the environment wins. Imported first by every entry point
// (main.ts and the command-line tools), before any module reads a setting.
import { config } from 'dotenv';

config({ quiet: true });
