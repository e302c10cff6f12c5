export { PasswordPage } from "./PasswordPage";
export { ForgotPasswordPage, ResetPasswordPage } from "./ResetPages";
export { errorOf, passwordApi } from "./passwords";
