import { ApiSecurity } from '@nestjs/swagger';

/**
 * `security: [{}]`: the route takes no staff credential (it is `@Public()`); what authenticates
 * it instead (a provider's signature, a URL secret, an allowed Origin) is documented on the route.
 * On a controller it applies to every route; a controller mixing anonymous and token routes puts
 * it on the anonymous ones only (a class-level one would make every token optional).
 */
export const ApiAnonymous = () => ApiSecurity({});
