export { CompanionCrmApi, type CompanionCrmApiProps } from "./companion-crm-api";
