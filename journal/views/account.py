from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from journal.api import tokens
from journal.core.forms import ProfileForm, SignUpForm
from journal.core.services import profile_for, save_profile
from journal.sessions import BACKEND


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("journal:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
                profile = profile_for(user)
                profile.time_zone = form.cleaned_data["time_zone"]
                save_profile(profile)
        except IntegrityError:  # the same name taken a moment ago, by a sign-up running beside
            form.add_error("username", "A user with that username already exists.")
            return render(request, "registration/signup.html", {"form": form})
        login(request, user, backend=BACKEND)
        messages.success(request, f"Welcome, {user.username}. Your journal is ready.")
        return redirect("journal:dashboard")
    return render(request, "registration/signup.html", {"form": form})


ACCOUNT_GONE = "This account has just been deleted, so it cannot log in."


class LogIn(LoginView):
    """Django's login, which refuses in words an account deleted while it logged in."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.request.user.is_authenticated:
            return response
        # journal.signals.record_last_login found the account gone and undid the login.
        form.add_error(None, ACCOUNT_GONE)
        return self.form_invalid(form)


# Sent with the logout: the browser drops this site's HTTP cache and back/forward cache,
# and its storage (IndexedDB with the offline queue, localStorage, sessionStorage where
# the browser includes it, the service worker and its caches), so nothing of the person
# stays on a shared device. Cookies are not named: logout already ended the session.
CLEAR_SITE_DATA = '"cache", "storage"'


@never_cache
@require_http_methods(["GET", "POST"])
def log_out(request):
    """GET: a page to confirm, which says when logs made offline are still waiting on
    this device (static/js/logout.js). POST: logged out, and the browser told to forget."""
    if request.method == "GET":
        if not request.user.is_authenticated:
            return redirect(settings.LOGIN_URL)
        return render(request, "registration/logout.html")
    logout(request)
    messages.success(request, "You are logged out.")
    response = redirect(settings.LOGOUT_REDIRECT_URL)
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@login_required
def account(request):
    return account_page(request)


def account_page(request, status=200, **extra):
    """The Account page; `extra` carries a token just made, or why one was not."""
    from journal.imports.lease import settle_lapsed
    from journal.imports.models import ImportJob

    settle_lapsed(owner=request.user)  # an import whose worker died is not "under way"
    unfinished = ImportJob.objects.filter(owner=request.user).exclude(
        status__in=[ImportJob.Status.DONE, ImportJob.Status.FAILED]
    )
    context = {
        "profile": profile_for(request.user),
        "unfinished_import": unfinished.first(),
        "tokens": list(tokens.tokens_of(request.user)),
        "max_tokens": tokens.MAX_TOKENS,
        **extra,
    }
    return render(request, "journal/account.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=profile_for(request.user))
    if request.method == "POST" and form.is_valid():
        save_profile(form.save(commit=False))
        messages.success(request, "Profile saved.")
        return redirect("journal:account")
    return render(request, "journal/profile_form.html", {"form": form})


@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """Delete the account and everything in it, after the password is confirmed."""
    error = None
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            user = request.user
            logout(request)
            user.delete()
            messages.success(request, "Your account and all of its data are deleted.")
            return redirect("journal:dashboard")
        error = "That password is not right; nothing was deleted."
    return render(request, "journal/account_delete.html", {"error": error})
