/**
 * Human-rights due diligence per jurisdiction: assessments with expert consultations,
 * findings per right, a decision signed off by a second human-rights lead; and each
 * jurisdiction's risk level.
 */
package org.custodian.duediligence;
