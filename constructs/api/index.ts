export { apiFunctionNames, CompanionCrmApi, type CompanionCrmApiProps } from "./companion-crm-api";
export {
  CUSTOMER_ACCESS_METRIC_NAMESPACE,
  CustomerAccessAlarms,
  type CustomerAccessAlarmsProps,
} from "./customer-access-alarms";
