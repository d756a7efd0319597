package org.prevalence.mse.bayes;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Gamma;

/**
 * An independent, slow reference: R dga 2.0.2 {@code bma.cr} transcribed literally (the whole
 * graphs x grid matrix of log weights, each term an lgamma of its own, the max subtracted before
 * exp, one global normalisation). Only for small grids.
 */
final class BmaBruteForce {
    final double[] post;
    final double[] graphProb;
    final double[] graphMean;

    BmaBruteForce(int k, long[] y, double delta, int gridMax, DoubleUnaryOperator logPriorOfN,
                  List<DecomposableGraph> graphs, double[] logGraphPrior) {
        int cells = 1 << k;
        long n = 0;
        for (long v : y) {
            n += v;
        }
        int cols = gridMax + 1;
        // MakeCompMatrix: one row per non-empty subset of lists
        double[][] comp = new double[cells][cols];
        for (int t = 1; t < cells; t++) {
            int size = Integer.bitCount(t);
            double dt = delta * Math.pow(2, k - size);
            // marginal table D over the lists of t, D[0] = the cell with none of them
            double[] d = new double[cells];
            for (int h = 0; h < cells; h++) {
                d[h & t] += y[h];
            }
            double rest = 0;
            int nCellsT = 0;
            for (int s = 0; s < cells; s++) {
                if ((s & ~t) == 0) {
                    nCellsT++;
                    if (s != 0) {
                        rest += Gamma.logGamma(d[s] + dt);
                    }
                }
            }
            for (int m = 0; m < cols; m++) {
                comp[t][m] = Gamma.logGamma(m + d[0] + dt) + rest - nCellsT * Gamma.logGamma(dt);
            }
        }
        double sumLgY = 0;
        for (int h = 1; h < cells; h++) {
            sumLgY += Gamma.logGamma(y[h] + 1.0);
        }
        double[] den = new double[cols];
        double[] mc = new double[cols];
        for (int m = 0; m < cols; m++) {
            den[m] = Gamma.logGamma(cells * delta) - Gamma.logGamma(m + n + cells * delta);
            mc[m] = Gamma.logGamma(m + n + 1.0) - sumLgY - Gamma.logGamma(m + 1.0) + logPriorOfN.applyAsDouble(n + m);
        }
        // pass 1: the largest log weight; pass 2: exp(l - max), sums (no graphs x grid matrix kept)
        double max = Double.NEGATIVE_INFINITY;
        double[] row = new double[cols];
        for (int g = 0; g < graphs.size(); g++) {
            logWeights(graphs.get(g), comp, den, mc, logGraphPrior[g], row);
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double total = 0;
        double[] colSum = new double[cols];
        double[] rowSum = new double[graphs.size()];
        double[] rowN = new double[graphs.size()];
        for (int g = 0; g < graphs.size(); g++) {
            logWeights(graphs.get(g), comp, den, mc, logGraphPrior[g], row);
            for (int m = 0; m < cols; m++) {
                double e = Math.exp(row[m] - max);
                colSum[m] += e;
                rowSum[g] += e;
                rowN[g] += e * (n + m);
                total += e;
            }
        }
        post = new double[cols];
        for (int m = 0; m < cols; m++) {
            post[m] = colSum[m] / total;
        }
        graphProb = new double[graphs.size()];
        graphMean = new double[graphs.size()];
        for (int g = 0; g < graphs.size(); g++) {
            graphProb[g] = rowSum[g] / total;
            graphMean[g] = rowN[g] / rowSum[g];
        }
    }

    private static void logWeights(DecomposableGraph gr, double[][] comp, double[] den, double[] mc, double lpw,
                                   double[] row) {
        int[] c = gr.cliques();
        int[] s = gr.separators();
        for (int m = 0; m < row.length; m++) {
            double v = (c.length - s.length) * den[m] + mc[m] + lpw;
            for (int x : c) {
                v += comp[x][m];
            }
            for (int x : s) {
                v -= comp[x][m];
            }
            row[m] = v;
        }
    }
}
