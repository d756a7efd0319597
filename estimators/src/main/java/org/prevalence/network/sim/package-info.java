/**
 * Simulation of hidden populations for triangulation: a population network with a hidden group of known size
 * and forced-labour prevalence, and the household survey, RDS sample and case lists drawn from it
 * ({@link org.prevalence.network.sim.HiddenPopulationSimulator}).
 */
package org.prevalence.network.sim;
