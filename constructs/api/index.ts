export { apiFunctionNames, CompanionCrmApi, type CompanionCrmApiProps } from "./companion-crm-api";
