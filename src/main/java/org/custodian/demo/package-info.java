/**
 * Demo data for the {@code demo} profile: agencies, officers, staff in every role, a
 * replay of July 2019 to June 2021 (Hong Kong shaped like the public record, its pause of
 * July 2020 with the due diligence behind it) on a clock the replay moves, and requests
 * of today in several states; all created through the real services so that everything is
 * audited.
 */
package org.custodian.demo;
