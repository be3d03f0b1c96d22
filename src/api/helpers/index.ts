export * from "./storage-class.js";
export * from "./access-modes.js";
export * from "./capacity.js";
export * from "./binding.js";
export * from "./volume-mode.js";
export * from "./deletion.js";
export * from "./quantity-text.js";
