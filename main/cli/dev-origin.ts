/** Vite's dev server for the dashboard (`npm run dev`); the engine trusts it only when started with `--dev`. */
export const VITE_DEV_PORT = 5173;
export const VITE_DEV_ORIGINS = [`http://localhost:${VITE_DEV_PORT}`, `http://127.0.0.1:${VITE_DEV_PORT}`];
