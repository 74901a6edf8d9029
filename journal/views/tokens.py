"""The Account page's personal access tokens: make one (shown once), revoke one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_POST

from journal.api import tokens
from journal.views.account import account_page


@never_cache
@login_required
@require_POST
@sensitive_variables("token")
def token_create(request):
    """The new token is on this one answer only: never stored, never in a message or a
    redirect, and the page is not cached, so reloading it does not show it again."""
    try:
        row, token = tokens.create_token(request.user, request.POST.get("name", ""))
    except tokens.TokenRefused as refusal:
        return account_page(
            request,
            token_error=str(refusal),
            token_name=request.POST.get("name", "")[:60],
            status=400,
        )
    return account_page(request, new_token=token, new_token_row=row)


@login_required
@require_POST
def token_revoke(request, pk):
    if tokens.revoke(request.user, pk):
        messages.success(request, "Token revoked: apps using it can no longer reach your journal.")
    else:
        messages.error(request, "That token was already revoked.")
    return redirect("journal:account")
