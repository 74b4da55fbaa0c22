from azure.cli.core import AzCommandsLoader
from azure.cli.core.commands import CliCommandType

from azext_openshift._client_factory import cf_openshift


class OpenShiftCommandsLoader(AzCommandsLoader):
    def __init__(self, cli_ctx=None):
        custom = CliCommandType(operations_tmpl='azext_openshift.custom#{}', client_factory=cf_openshift)
        super().__init__(cli_ctx=cli_ctx, custom_command_type=custom)

    def load_command_table(self, args):
        from azext_openshift.commands import load_command_table
        load_command_table(self, args)
        return self.command_table

    def load_arguments(self, command):
        from azext_openshift._params import load_arguments
        load_arguments(self, command)


COMMAND_LOADER_CLS = OpenShiftCommandsLoader
