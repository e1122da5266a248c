// oidc-provider ships no types (a dev dependency, used by the local provider of the tests only).
declare module 'oidc-provider' {
  const Provider: any;
  export default Provider;
}
