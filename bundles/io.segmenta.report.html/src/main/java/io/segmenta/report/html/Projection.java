package io.segmenta.report.html;

/**
 * The first two principal components of the scaled numeric features, for the report's 2-D map of customers:
 * the covariance matrix (d x d, d small) is diagonalised with the cyclic Jacobi method, which is exact enough
 * for a picture and needs no library; rows are projected on the two eigenvectors of largest eigenvalue.
 */
final class Projection {
    private Projection() {
    }

    /** The two components, {@code [component][feature]}, and the share of variance each explains. */
    record Components(double[][] vectors, double[] explained) {
    }

    /**
     * @param columns the scaled numeric features, {@code [feature][row]}
     * @param rows which rows to use (a sample)
     */
    static Components fit(double[][] columns, int[] rows) {
        int d = columns.length;
        int n = rows.length;
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            for (int r : rows) {
                mean[j] += columns[j][r];
            }
            mean[j] /= Math.max(1, n);
        }
        double[][] cov = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double s = 0;
                for (int r : rows) {
                    s += (columns[a][r] - mean[a]) * (columns[b][r] - mean[b]);
                }
                cov[a][b] = s / Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double[][] v = new double[d][d];
        for (int j = 0; j < d; j++) {
            v[j][j] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += cov[p][q] * cov[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (Math.abs(cov[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (cov[q][q] - cov[p][p]) / (2 * cov[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double kp = cov[k][p];
                        double kq = cov[k][q];
                        cov[k][p] = c * kp - s * kq;
                        cov[k][q] = s * kp + c * kq;
                    }
                    for (int k = 0; k < d; k++) {
                        double pk = cov[p][k];
                        double qk = cov[q][k];
                        cov[p][k] = c * pk - s * qk;
                        cov[q][k] = s * pk + c * qk;
                    }
                    for (int k = 0; k < d; k++) {
                        double kp = v[k][p];
                        double kq = v[k][q];
                        v[k][p] = c * kp - s * kq;
                        v[k][q] = s * kp + c * kq;
                    }
                }
            }
        }
        int first = -1;
        int second = -1;
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += Math.max(0, cov[j][j]);
            if (first < 0 || cov[j][j] > cov[first][first]) {
                second = first;
                first = j;
            } else if (second < 0 || cov[j][j] > cov[second][second]) {
                second = j;
            }
        }
        double[][] vectors = new double[2][d];
        double[] explained = new double[2];
        int[] pick = {first, second};
        for (int c = 0; c < 2; c++) {
            if (pick[c] < 0) {
                continue; // one feature only: the second axis stays 0
            }
            for (int j = 0; j < d; j++) {
                vectors[c][j] = v[j][pick[c]];
            }
            explained[c] = total == 0 ? 0 : Math.max(0, cov[pick[c]][pick[c]]) / total;
        }
        return new Components(vectors, explained);
    }

    /** Row {@code r} on component {@code c} (features centred on their means are not needed for a picture). */
    static double project(double[][] columns, double[] vector, int r) {
        double s = 0;
        for (int j = 0; j < columns.length; j++) {
            s += columns[j][r] * vector[j];
        }
        return s;
    }
}
