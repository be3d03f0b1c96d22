export * from "./annotations.js";
export * from "./enums.js";
