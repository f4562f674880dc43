package io.segmenta.feature.clv;

import io.segmenta.api.SegmentaException;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum likelihood for models whose parameters are all positive: the log-likelihood is maximised over the
 * logarithms of the parameters (so positivity needs no constraint and the scales of r ~ 0.2 and alpha ~ 4 or 400
 * are alike) with Apache Commons Math's BOBYQA (Powell's derivative-free trust-region method, bounded here to
 * log-parameters in [-{@value #LOG_BOUND}, {@value #LOG_BOUND}]). The objective is lifetimes': the mean negative
 * log-likelihood plus {@code penaliser * sum(params^2)}.
 * <p>
 * Convergence is checked twice: BOBYQA must reach its final trust-region radius within {@value #MAX_EVALUATIONS}
 * evaluations, and the optimum must not sit on a bound (a parameter running off to 0 or infinity: the data do
 * not identify the model). Standard errors come from the observed information: the Hessian of the (penalised)
 * log-likelihood at the optimum by central differences in log-parameters, inverted, and carried to the
 * parameters by the delta method ({@code se(theta) = theta * se(log theta)}).
 */
final class MaximumLikelihood {
    static final double LOG_BOUND = 15;
    static final int MAX_EVALUATIONS = 20_000;
    private static final double STEP = 1e-4;

    /** A fit: parameters, standard errors (NaN when the information matrix is not invertible), log-likelihood. */
    record Estimate(double[] params, double[] standardErrors, double logLikelihood, int evaluations) {
    }

    private MaximumLikelihood() {
    }

    /**
     * @param model the model's name in messages ("BG/NBD")
     * @param names the parameters' names in messages
     * @param logLikelihood the total log-likelihood at natural parameters; may return a non-finite value where the
     *        model is undefined, which counts as infinitely bad
     * @param n the number of customers (the objective is a mean, as lifetimes')
     */
    static Estimate fit(String model, String[] names, ToDoubleFunction<double[]> logLikelihood, int n,
            double penaliser) {
        int dim = names.length;
        ToDoubleFunction<double[]> objective = logs -> {
            double[] params = exp(logs);
            double ll = logLikelihood.applyAsDouble(params);
            if (!Double.isFinite(ll)) {
                return Double.MAX_VALUE;
            }
            double penalty = 0;
            for (double p : params) {
                penalty += p * p;
            }
            return -ll / n + penaliser * penalty;
        };
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        java.util.Arrays.fill(lower, -LOG_BOUND);
        java.util.Arrays.fill(upper, LOG_BOUND);
        BOBYQAOptimizer optimiser = new BOBYQAOptimizer(2 * dim + 1, 0.5, 1e-10);
        PointValuePair best;
        try {
            best = optimiser.optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE,
                    new ObjectiveFunction(objective::applyAsDouble), new InitialGuess(new double[dim]),
                    new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            throw new SegmentaException(model + " did not converge in " + MAX_EVALUATIONS
                    + " likelihood evaluations; the data may not identify the model");
        }
        double[] logs = best.getPoint();
        for (int i = 0; i < dim; i++) {
            if (Math.abs(logs[i]) > LOG_BOUND - 1e-3) {
                throw new SegmentaException(model + " did not converge: " + names[i] + " ran off to "
                        + (logs[i] > 0 ? "infinity" : "zero") + "; the data do not identify the model"
                        + " (too few repeat purchases?)");
            }
        }
        double[] params = exp(logs);
        double ll = logLikelihood.applyAsDouble(params);
        double[] se = standardErrors(objective, logs, params, n);
        return new Estimate(params, se, ll, optimiser.getEvaluations());
    }

    private static double[] standardErrors(ToDoubleFunction<double[]> objective, double[] logs, double[] params,
            int n) {
        int dim = logs.length;
        double[][] h = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                double v = (total(objective, logs, n, i, STEP, j, STEP) - total(objective, logs, n, i, STEP, j, -STEP)
                        - total(objective, logs, n, i, -STEP, j, STEP) + total(objective, logs, n, i, -STEP, j, -STEP))
                        / (4 * STEP * STEP);
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        double[] se = new double[dim];
        java.util.Arrays.fill(se, Double.NaN);
        try {
            RealMatrix cov = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse();
            for (int i = 0; i < dim; i++) {
                double var = cov.getEntry(i, i);
                if (var > 0 && Double.isFinite(var)) {
                    se[i] = params[i] * Math.sqrt(var);
                }
            }
        } catch (SingularMatrixException e) {
            // the information matrix is singular: no standard errors, reported as unavailable
        }
        return se;
    }

    /** The total negative penalised log-likelihood with log-parameters i and j moved by di and dj. */
    private static double total(ToDoubleFunction<double[]> objective, double[] logs, int n, int i, double di, int j,
            double dj) {
        double[] x = logs.clone();
        x[i] += di;
        x[j] += dj;
        return objective.applyAsDouble(x) * n;
    }

    private static double[] exp(double[] logs) {
        double[] p = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            p[i] = Math.exp(logs[i]);
        }
        return p;
    }
}
