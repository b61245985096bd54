/**
 * Shared kernel: typed identifiers, jurisdictions, the actor of an action, the audit
 * contract of events, and the problem types every module reports errors with.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.custodian.shared;
