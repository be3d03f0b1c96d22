export * from "./types/index.js";
export * from "./constants/index.js";
export * from "./helpers/index.js";
export * from "./quantity-schema.js";
export * from "./schemas/index.js";
export * from "./parse-object.js";
