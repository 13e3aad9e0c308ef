export { architectureGraph, type ArchitectureGraph, type Component, type DataPath } from "./graph";
export { architecturePage } from "./page";
