"""TAP output for the Python host tests (tests/host/test_*.py): one "ok N - name" or
"not ok N - name" line per unittest test, as tools/run-host-tests.sh counts them."""
import io
import sys
import unittest


class TapResult(unittest.TextTestResult):
    """One TAP line per test."""
    count = 0

    def addSuccess(self, test):
        TapResult.count += 1
        print(f"ok {TapResult.count} - {test.id()}")

    def addFailure(self, test, err):
        TapResult.count += 1
        print(f"not ok {TapResult.count} - {test.id()}\n" + self._exc_info_to_string(err, test))

    addError = addFailure


def main(module):
    """Run every test of module, print TAP, exit 0 if all passed."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    print(f"1..{suite.countTestCases()}")
    result = unittest.TextTestRunner(stream=io.StringIO(), resultclass=TapResult).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
